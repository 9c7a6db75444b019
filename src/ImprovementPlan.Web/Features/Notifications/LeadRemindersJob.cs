using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.ToDo;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>
/// Before each CSIP review's update deadline (Notifications:ReminderWorkingDaysBeforeDeadline working
/// days before it) each lead gets one email listing their actions with no approved update since the
/// last review, the figures due for measures they own and their open follow-ups: the lists of their
/// "What I need to do" page (<see cref="ToDoListQuery"/>). After a missed deadline, the actions still
/// without an update are escalated, once, to their senior responsible officer (when that is a user of
/// the tracker) and to the Service Director. Working days are the meetings feature's own
/// (<see cref="WorkingDays"/>, from Meetings:BankHolidays). Each run is claimed per meeting (JobRun) and
/// each email is unique per meeting and recipient, so running again, or on another instance, sends nothing more.
/// </summary>
public sealed class LeadRemindersJob(ImprovementPlanDbContext db, Outbox outbox, JobClaims claims, TimeProvider clock,
    IOptionsMonitor<NotificationOptions> options, WorkingDays workingDays, ToDoListQuery toDo) : IScheduledJob
{
    public const string ReminderJob = "deadline-reminder";
    public const string EscalationJob = "deadline-escalation";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.Now(clock));
        var lead = Math.Max(0, options.CurrentValue.ReminderWorkingDaysBeforeDeadline);
        // Meetings whose deadline is near or has just passed: reminders from N working days before, escalations until the meeting.
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind == MeetingKind.CsipReview && m.Status != MeetingStatus.Cancelled && m.Date >= today)
            .OrderBy(m => m.Date).ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            var key = $"meeting-{meeting.Id.ToString(CultureInfo.InvariantCulture)}";
            if (today > meeting.UpdateDeadline)
            {
                if (!await claims.IsDoneAsync(EscalationJob, key, cancellationToken))
                {
                    await EscalateAsync(meeting, key, today, cancellationToken);
                }
            }
            else if (today >= workingDays.Before(meeting.UpdateDeadline, lead) && !await claims.IsDoneAsync(ReminderJob, key, cancellationToken))
            {
                await RemindAsync(meeting, key, today, cancellationToken);
            }
        }
    }

    private async Task RemindAsync(Meeting meeting, string key, DateOnly today, CancellationToken cancellationToken)
    {
        // Everyone who might have something to do: leads of unfinished actions, owners of open follow-ups and of measures.
        var planId = meeting.PlanId;
        var candidateIds = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.LeadUserId != null && a.Status != ActionStatus.Complete).Select(a => a.LeadUserId!)
            .Union(db.FollowUps.AsNoTracking().Where(f => f.PlanId == planId && f.Status == FollowUpStatus.Open).Select(f => f.OwnerUserId))
            .Union(db.Measures.AsNoTracking().Where(m => m.PlanId == planId && m.DataOwnerUserId != null).Select(m => m.DataOwnerUserId!))
            .ToListAsync(cancellationToken);
        var deadline = Date(meeting.UpdateDeadline);
        foreach (var person in await ActiveUsersAsync(candidateIds, cancellationToken))
        {
            var list = await toDo.BuildAsync(planId, person.Id, today, cancellationToken);
            if (list.ActionsToUpdate.Count + list.FiguresDue.Count + list.FollowUps.Count == 0)
            {
                continue;
            }

            var content = new EmailContent($"Updates due by {deadline}")
                .Paragraph($"Dear {person.DisplayName},")
                .Paragraph($"The next CSIP review is on {Date(meeting.Date)}. Please bring these up to date by {deadline}.");
            if (list.ActionsToUpdate.Count > 0)
            {
                content.Subheading("Actions with no approved update since the last review")
                    .List(list.ActionsToUpdate.Select(i => (i.Text, (string?)outbox.Link(i.Href))));
            }

            if (list.FiguresDue.Count > 0)
            {
                content.Subheading("Figures due for measures you own")
                    .List(list.FiguresDue.Select(i => ($"{i.Text}: {i.Detail}", (string?)outbox.Link(i.Href))));
            }

            if (list.FollowUps.Count > 0)
            {
                content.Subheading("Your open follow-ups")
                    .List(list.FollowUps.Select(i => ($"{i.Text}: {i.Detail}", (string?)outbox.Link(i.Href))));
            }

            content.Link("Everything you need to do", outbox.Link(Meetings.MeetingPaths.ToDo));
            outbox.Add(planId, person.Id, person.Email, person.DisplayName, $"Updates due by {deadline} for the CSIP review", content,
                $"{ReminderJob}:{key}");
        }

        claims.Add(ReminderJob, key);
        await claims.SaveAsync(cancellationToken);
    }

    /// <summary>The plan's actions still without an approved update since the last review: every lead's "What I need to do" list, together.</summary>
    private async Task<List<ActionDue>> ActionsWithoutUpdateAsync(int planId, DateOnly today, CancellationToken cancellationToken)
    {
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.LeadUserId != null && a.Status != ActionStatus.Complete)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Reference, a.ActionText, LeadUserId = a.LeadUserId!, a.SeniorResponsibleOfficer })
            .ToListAsync(cancellationToken);
        var due = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leadId in actions.Select(a => a.LeadUserId).Distinct(StringComparer.Ordinal))
        {
            due.UnionWith((await toDo.BuildAsync(planId, leadId, today, cancellationToken)).ActionsToUpdate.Select(i => i.Key));
        }

        return [.. actions.Where(a => due.Contains(ToDoListQuery.ActionKey(a.Id)))
            .Select(a => new ActionDue(a.Reference, a.ActionText, a.LeadUserId, a.SeniorResponsibleOfficer))];
    }

    private async Task EscalateAsync(Meeting meeting, string key, DateOnly today, CancellationToken cancellationToken)
    {
        var missed = await ActionsWithoutUpdateAsync(meeting.PlanId, today, cancellationToken);
        var leadNames = await db.Users.AsNoTracking().Where(u => missed.Select(a => a.LeadUserId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var directorRoleId = await db.Roles.Where(r => r.Name == Roles.ServiceDirector).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var directors = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               where ur.RoleId == directorRoleId && u.IsActive && u.Email != null
                               select new Person(u.Id, u.Email!, u.DisplayName)).ToListAsync(cancellationToken);
        var sroNames = missed.Where(a => a.SeniorResponsibleOfficer != null).Select(a => a.SeniorResponsibleOfficer!).Distinct().ToList();
        var sros = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null && sroNames.Contains(u.DisplayName))
            .Select(u => new Person(u.Id, u.Email!, u.DisplayName)).ToListAsync(cancellationToken);

        var recipients = new Dictionary<string, (Person Person, List<ActionDue> Actions)>();
        foreach (var director in directors)
        {
            recipients[director.Id] = (director, missed);
        }

        foreach (var sro in sros)
        {
            if (!recipients.ContainsKey(sro.Id))
            {
                recipients[sro.Id] = (sro, [.. missed.Where(a => a.SeniorResponsibleOfficer == sro.DisplayName)]);
            }
        }

        var deadline = Date(meeting.UpdateDeadline);
        foreach (var (person, actions) in recipients.Values.Where(r => r.Actions.Count > 0))
        {
            var content = new EmailContent($"Updates missed the {deadline} deadline")
                .Paragraph($"Dear {person.DisplayName},")
                .Paragraph($"These actions had no approved update by the deadline for the CSIP review on {Date(meeting.Date)}:")
                .List(actions.Select(a => ($"{a.Reference}, led by {leadNames.GetValueOrDefault(a.LeadUserId, "their lead")}: {Shorten(a.Text)}",
                    (string?)outbox.Link($"/actions/{Uri.EscapeDataString(a.Reference)}"))));
            outbox.Add(meeting.PlanId, person.Id, person.Email, person.DisplayName, $"Updates missed the deadline for the CSIP review on {Date(meeting.Date)}",
                content, $"{EscalationJob}:{key}");
        }

        claims.Add(EscalationJob, key);
        await claims.SaveAsync(cancellationToken);
    }

    private async Task<List<Person>> ActiveUsersAsync(List<string> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new Person(u.Id, u.Email!, u.DisplayName)).ToListAsync(cancellationToken);

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120].TrimEnd() + "…";

    private sealed record ActionDue(string Reference, string Text, string LeadUserId, string? SeniorResponsibleOfficer);

    private sealed record Person(string Id, string Email, string DisplayName);
}
