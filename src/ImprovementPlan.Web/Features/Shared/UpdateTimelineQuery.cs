using System.Linq.Expressions;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Meetings;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>A file or link attached to an update, as a timeline lists it.</summary>
public sealed record TimelineEvidence(int Id, EvidenceKind Kind, string Title, string? Url, long? SizeBytes)
{
    /// <summary>Only web addresses become links: anything else (javascript:, data:) is shown as text.</summary>
    public bool IsSafeLink => Kind == EvidenceKind.Link
        && Uri.TryCreate(Url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>One progress update in a timeline, newest first.</summary>
public sealed record TimelineUpdate(
    int Id,
    DateOnly AsAt,
    string AuthorName,
    UpdateState State,
    string Narrative,
    string? NextSteps,
    string? ImpactEvidence,
    Rag? ProposedDeliveryRag,
    Rag? ProposedImpactRag,
    ActionStatus? ProposedStatus,
    string? ReviewerName,
    string? ReviewComment,
    bool IsOwn,
    IReadOnlyList<TimelineEvidence> Evidence)
{
    public string StateText => State switch
    {
        UpdateState.Draft => "Draft",
        UpdateState.Submitted => "Awaiting decision",
        UpdateState.Returned => "Returned",
        _ => "Approved",
    };

    /// <summary>The GOV.UK tag colour for the state.</summary>
    public string StateTagClass => State switch
    {
        UpdateState.Draft => "govuk-tag--grey",
        UpdateState.Submitted => "govuk-tag--blue",
        UpdateState.Returned => "govuk-tag--orange",
        _ => "govuk-tag--green",
    };
}

/// <summary>
/// An action's or priority's timeline: the progress updates a user may see (approved ones for everyone, plus
/// the user's own drafts, submitted and returned updates, plus, for the Service Director, every update
/// awaiting a decision) and the decisions the plan's meetings recorded about it.
/// </summary>
public sealed class UpdateTimelineQuery(ImprovementPlanDbContext db, CurrentUser currentUser, DecisionsAboutQuery decisions)
{
    /// <summary>The timeline of an action (the caller has found it in the plan <paramref name="planId"/>).</summary>
    public async Task<Timeline> ForActionAsync(int planId, int actionId, CancellationToken cancellationToken = default) =>
        new(await RunAsync(u => u.ActionId == actionId, cancellationToken),
            await decisions.RunAsync(planId, AgendaSubject.Action, actionId, cancellationToken));

    /// <summary>The timeline of a priority (the caller has found it in the plan <paramref name="planId"/>).</summary>
    public async Task<Timeline> ForPriorityAsync(int planId, int priorityId, CancellationToken cancellationToken = default) =>
        new(await RunAsync(u => u.PriorityId == priorityId, cancellationToken),
            await decisions.RunAsync(planId, AgendaSubject.Priority, priorityId, cancellationToken));

    private async Task<IReadOnlyList<TimelineUpdate>> RunAsync(Expression<Func<ProgressUpdate, bool>> belongs, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        var isDirector = currentUser.IsInRole(Roles.ServiceDirector);

        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(belongs)
            .Where(u => u.State == UpdateState.Approved
                || (userId != null && u.AuthorUserId == userId)
                || (isDirector && u.State == UpdateState.Submitted))
            .Include(u => u.Evidence)
            .ToListAsync(cancellationToken);

        return [.. updates
            .OrderByDescending(u => u.AsAt)
            .ThenByDescending(u => u.CreatedAtUtc)
            .ThenByDescending(u => u.Id)
            .Select(u => new TimelineUpdate(u.Id, u.AsAt, u.AuthorName, u.State, u.Narrative, u.NextSteps, u.ImpactEvidence,
                u.ProposedDeliveryRag, u.ProposedImpactRag, u.ProposedStatus, u.ReviewerName, u.ReviewComment,
                userId is not null && u.AuthorUserId == userId,
                [.. u.Evidence.OrderBy(e => e.AddedAtUtc).ThenBy(e => e.Id)
                    .Select(e => new TimelineEvidence(e.Id, e.Kind, e.Title, e.Url, e.SizeBytes))]))];
    }
}
