using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>Reads one meeting of the current plan for its page.</summary>
public sealed class MeetingPageQuery(
    ImprovementPlanDbContext db,
    CurrentPlan currentPlan,
    CurrentUser user,
    IAuthorizationService authorization,
    AgendaProposalQuery proposal)
{
    public async Task<Meeting?> FindAsync(int id, CancellationToken ct = default)
    {
        var planId = await currentPlan.IdAsync(ct);
        return await db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.PlanId == planId && m.Id == id, ct);
    }

    public async Task<MeetingPage?> RunAsync(int id, CancellationToken ct = default)
    {
        var planId = await currentPlan.IdAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.PlanId == planId && m.Id == id, ct);
        if (meeting is null)
        {
            return null;
        }

        var items = await db.AgendaItems.AsNoTracking().Where(i => i.PlanId == planId && i.MeetingId == id)
            .OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.PlanId == planId && f.MeetingId == id)
            .OrderBy(f => f.Id).ToListAsync(ct);
        var carriedIds = items.Where(i => i.Subject == AgendaSubject.FollowUp).Select(i => i.SubjectId!.Value).ToList();
        var carried = carriedIds.Count == 0
            ? []
            : await db.FollowUps.AsNoTracking().Where(f => f.PlanId == planId && carriedIds.Contains(f.Id)).ToListAsync(ct);
        var amendments = (await db.MinutesAmendments.AsNoTracking().Where(a => a.PlanId == planId && a.MeetingId == id)
            .OrderBy(a => a.AtUtc).ToListAsync(ct)).ToLookup(a => a.AgendaItemId);
        var userIds = followUps.Select(f => f.OwnerUserId).Concat(carried.Select(f => f.OwnerUserId))
            .Concat(meeting.Attendees.Where(a => a.UserId is not null).Select(a => a.UserId!))
            .Append(meeting.ChairUserId ?? string.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        FollowUpView View(FollowUp f) => new(f.Id, f.What, f.OwnerUserId, names.GetValueOrDefault(f.OwnerUserId, "A former user"), f.DueDate, f.Status, f.ClosingNote);

        var hrefs = await SubjectLinksAsync(planId, items, ct);
        var agenda = items.Select(i => new AgendaItemView(i.Id, i.Order, i.Kind, i.Subject, i.Title,
            i.SubjectId is { } sid ? hrefs.GetValueOrDefault((i.Subject, sid)) : null, i.Reasons, i.Note, i.Decision,
            [.. followUps.Where(f => f.AgendaItemId == i.Id).Select(View)], [.. amendments[i.Id]])
        {
            Carried = i.Subject == AgendaSubject.FollowUp && carried.FirstOrDefault(f => f.Id == i.SubjectId) is { } c ? View(c) : null,
        }).ToList();

        var onAgenda = items.Where(i => i.SubjectId is not null).Select(i => (i.Subject, i.SubjectId!.Value)).ToHashSet();
        var proposed = meeting.IsCancelled || meeting.MinutesAgreed
            ? []
            : (await proposal.ProposeAsync(meeting, ct)).Where(p => !onAgenda.Contains((p.Subject, p.SubjectId))).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.PlanId == planId && r.MeetingId == id)
            .OrderBy(r => r.Id).Select(r => new MeetingReportLink(r.Id, r.Title, r.AgendaItem)).ToListAsync(ct);
        var attendees = meeting.Attendees.Select(a => a.UserId is { } u ? names.GetValueOrDefault(u, "A former user") : a.GuestName + " (guest)").ToList();
        var canManage = (await authorization.AuthorizeAsync(user.Principal, Policies.ManageMeetings)).Succeeded;
        return new MeetingPage(meeting.Id, meeting.Version, meeting.Kind, meeting.Title, meeting.Date, meeting.StartTime, meeting.Location,
            meeting.ChairUserId is { } chair ? names.GetValueOrDefault(chair) : null, meeting.Status, meeting.OriginalDate,
            meeting.UpdateDeadline, meeting.UpdateDeadlineOverridden, meeting.MinutesStatus, attendees, agenda, proposed, reports, canManage);
    }

    /// <summary>Where each item's subject lives: an action by its reference, a priority by its number, a measure or report by id.</summary>
    private async Task<Dictionary<(AgendaSubject, int), string>> SubjectLinksAsync(int planId, IReadOnlyList<AgendaItem> items, CancellationToken ct)
    {
        List<int> Ids(AgendaSubject s) => [.. items.Where(i => i.Subject == s && i.SubjectId is not null).Select(i => i.SubjectId!.Value)];
        var links = new Dictionary<(AgendaSubject, int), string>();
        var actionIds = Ids(AgendaSubject.Action);
        foreach (var a in await db.Actions.AsNoTracking().Where(a => a.PlanId == planId && actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Reference }).ToListAsync(ct))
        {
            links[(AgendaSubject.Action, a.Id)] = MeetingPaths.Action(a.Reference);
        }

        var priorityIds = Ids(AgendaSubject.Priority);
        foreach (var p in await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId && priorityIds.Contains(p.Id)).Select(p => new { p.Id, p.Number }).ToListAsync(ct))
        {
            links[(AgendaSubject.Priority, p.Id)] = MeetingPaths.Priority(p.Number);
        }

        foreach (var id in Ids(AgendaSubject.Measure))
        {
            links[(AgendaSubject.Measure, id)] = MeetingPaths.Measure(id);
        }

        foreach (var id in Ids(AgendaSubject.Report))
        {
            links[(AgendaSubject.Report, id)] = MeetingPaths.Report(id);
        }

        return links;
    }
}
