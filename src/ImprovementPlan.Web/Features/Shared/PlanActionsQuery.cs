using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>One action as lists and dashboards show it, with its ratings today.</summary>
public sealed record ActionSummary(
    int Id,
    string Reference,
    int Sequence,
    string ActionText,
    string WorkstreamCode,
    string WorkstreamName,
    IReadOnlyList<int> PriorityNumbers,
    IReadOnlyList<string> SourceReviewCodes,
    DateOnly? OriginalDueDate,
    DateOnly? DueDate,
    ActionStatus Status,
    string? LeadOfficer,
    string? LeadUserId,
    string? Outcome,
    string? HowWillWeKnow,
    string? WhatSuccessLooksLike,
    DeliveryRating Delivery,
    bool IsStale,
    Rag? ImpactRag)
{
    public bool IsComplete => Status == ActionStatus.Complete;

    /// <summary>Days the due date has moved from the one first agreed (see <see cref="DueDateSlippage"/>).</summary>
    public int SlippageDays => DueDateSlippage.Days(OriginalDueDate, DueDate);

    /// <summary>Past its due date and not complete.</summary>
    public bool IsOverdue(DateOnly today) => !IsComplete && DueDate is { } due && due < today;

    /// <summary>Not complete and due between today and <see cref="ActionViews.DueSoonDays"/> days from now, inclusive.</summary>
    public bool IsDueSoon(DateOnly today) =>
        !IsComplete && DueDate is { } due && due >= today && due <= today.AddDays(ActionViews.DueSoonDays);
}

/// <summary>The plan's actions, in plan order, with the date their ratings were worked out for.</summary>
public sealed record PlanActions(
    int PlanId,
    string PlanTitle,
    string Organisation,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly Today,
    IReadOnlyList<ActionSummary> Actions);

/// <summary>The named views of the action list that the dashboard counts (overdue, due soon, stale).</summary>
public static class ActionViews
{
    public const string Overdue = "overdue";
    public const string DueSoon = "due-soon";
    public const string Stale = "stale";

    /// <summary>"Due soon" on the dashboard and the list looks this many days ahead.</summary>
    public const int DueSoonDays = 30;

    public static bool Matches(string view, ActionSummary action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return view switch
        {
            Overdue => action.IsOverdue(today),
            DueSoon => action.IsDueSoon(today),
            Stale => action.IsStale,
            _ => true,
        };
    }
}

/// <summary>Loads the current plan's actions with their delivery rating, staleness and impact rating.</summary>
public sealed class PlanActionsQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan, ActionRatings ratings, TimeProvider clock)
{
    private PlanActions? _loaded;

    /// <summary>The current plan's actions rated today; loaded once per request however many parts of the page ask.</summary>
    public async Task<PlanActions?> RunAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded is not null)
        {
            return _loaded;
        }

        var plan = await currentPlan.FindAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var today = clock.Today();
        var ratingByAction = await ratings.ForPlanAsync(plan.Id, null, today, cancellationToken);
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == plan.Id)
            .OrderBy(a => a.Sequence)
            .Select(a => new
            {
                a.Id,
                a.Reference,
                a.Sequence,
                a.ActionText,
                WorkstreamCode = a.Workstream!.Code,
                WorkstreamName = a.Workstream!.Name,
                PriorityNumbers = a.Priorities.OrderBy(p => p.Number).Select(p => p.Number).ToList(),
                SourceReviewCodes = a.SourceReviews.OrderBy(s => s.Code).Select(s => s.Code).ToList(),
                a.OriginalDueDate,
                a.DueDate,
                a.Status,
                a.LeadOfficer,
                a.LeadUserId,
                a.Outcome,
                a.HowWillWeKnow,
                a.WhatSuccessLooksLike,
                a.ImpactRag,
            })
            .ToListAsync(cancellationToken);

        var actions = rows.Select(a =>
        {
            var rating = ratingByAction[a.Id];
            return new ActionSummary(a.Id, a.Reference, a.Sequence, a.ActionText, a.WorkstreamCode, a.WorkstreamName,
                a.PriorityNumbers, a.SourceReviewCodes, a.OriginalDueDate, a.DueDate, a.Status, a.LeadOfficer, a.LeadUserId,
                a.Outcome, a.HowWillWeKnow, a.WhatSuccessLooksLike, rating.Delivery, rating.IsStale, a.ImpactRag);
        }).ToList();

        _loaded = new PlanActions(plan.Id, plan.Title, plan.Organisation, plan.PeriodStart, plan.PeriodEnd, today, actions);
        return _loaded;
    }
}
