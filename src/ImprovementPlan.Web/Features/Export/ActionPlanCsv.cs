using System.Globalization;
using System.Text;
using ImprovementPlan.Web.Features.Actions;
using ImprovementPlan.Web.Features.Shared;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>The action list, as filtered on /actions (all of it without a filter), as CSV: the plan document's columns in its order, then status and RAG.</summary>
public sealed class ActionPlanCsv(ActionListExportQuery query)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "REF", "LINK TO", "ACTIONS", "TIMEFRAME", "OUTCOME", "HOW WILL WE KNOW", "WHAT SUCCESS LOOKS LIKE",
        "SENIOR RESPONSIBLE OFFICER", "LEAD OFFICER", "STATUS", "RAG",
    ];

    public async Task<string> WriteAsync(ActionFilter filter, string? userId, CancellationToken cancellationToken = default)
    {
        var output = new StringBuilder();
        Csv.AppendRecord(output, Columns);
        foreach (var (action, _, rag) in await query.RunAsync(filter, userId, cancellationToken))
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
                RagDisplay.Word(rag),
            ]);
        }

        return output.ToString();
    }
}
