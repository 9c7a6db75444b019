using System.Globalization;
using System.Text;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>The whole action plan as CSV, with the plan document's columns in its order, then status and RAG.</summary>
public sealed class ActionPlanCsv(ImprovementPlanDbContext db, CurrentPlan currentPlan, ActionRatings ratings)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "REF", "LINK TO", "ACTIONS", "TIMEFRAME", "OUTCOME", "HOW WILL WE KNOW", "WHAT SUCCESS LOOKS LIKE",
        "SENIOR RESPONSIBLE OFFICER", "LEAD OFFICER", "STATUS", "RAG",
    ];

    public async Task<string> WriteAsync(CancellationToken cancellationToken = default)
    {
        var output = new StringBuilder();
        Csv.AppendRecord(output, Columns);

        var plan = await currentPlan.FindAsync(cancellationToken);
        if (plan is null)
        {
            return output.ToString();
        }

        var ratingByAction = await ratings.ForPlanAsync(plan.Id, cancellationToken);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            Csv.AppendRecord(output,
            [
                action.Reference,
                action.LinkTo,
                action.ActionText,
                action.DueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? action.Timeframe,
                action.Outcome,
                action.HowWillWeKnow,
                action.WhatSuccessLooksLike,
                action.SeniorResponsibleOfficer,
                action.LeadOfficer,
                RagDisplay.Status(action.Status),
                RagDisplay.Word(ratingByAction[action.Id].Delivery.Rag),
            ]);
        }

        return output.ToString();
    }
}
