using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>
/// Before each CSIP review's update deadline (Notifications:ReminderWorkingDaysBeforeDeadline working
/// days before it) each lead gets one email listing their actions with no approved update since the
/// last review, the figures due for measures they own and their open follow-ups. After a missed
/// deadline, the actions still without an update are escalated, once, to their senior responsible
/// officer (when that is a user of the tracker) and to the Service Director. Each run is claimed per
/// meeting (JobRun) and each email is unique per meeting and recipient, so running again, or on
/// another instance, sends nothing more.
/// </summary>
public sealed class LeadRemindersJob(ImprovementPlanDbContext db, Outbox outbox, JobClaims claims, TimeProvider clock,
    IOptionsMonitor<NotificationOptions> options, IConfiguration configuration) : IScheduledJob
{
    public const string ReminderJob = "deadline-reminder";
    public const string EscalationJob = "deadline-escalation";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(UkTime.Now(clock));
        var workingDays = WorkingDaysFrom(configuration);
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
                    await EscalateAsync(meeting, key, cancellationToken);
                }
            }
            else if (today >= workingDays.Before(meeting.UpdateDeadline, lead) && !await claims.IsDoneAsync(ReminderJob, key, cancellationToken))
            {
                await RemindAsync(meeting, key, today, cancellationToken);
            }
        }
    }

    /// <summary>The actions of the plan, with their lead, that have no approved update since the last review before this meeting.</summary>
    private async Task<List<ActionDue>> ActionsWithoutUpdateAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var lastReview = await db.Meetings.AsNoTracking()
            .Where(m => m.PlanId == meeting.PlanId && m.Kind == MeetingKind.CsipReview && m.Status != MeetingStatus.Cancelled && m.Date < meeting.Date)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(cancellationToken);
        var since = (lastReview ?? DateOnly.MinValue).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == meeting.PlanId && a.LeadUserId != null && a.Status != ActionStatus.Complete)
            .Where(a => !db.ProgressUpdates.Any(u => u.ActionId == a.Id && u.State == UpdateState.Approved && u.ReviewedAtUtc >= since))
            .OrderBy(a => a.Sequence)
            .Select(a => new ActionDue(a.Reference, a.ActionText, a.LeadUserId!, a.SeniorResponsibleOfficer))
            .ToListAsync(cancellationToken);
    }

    private async Task RemindAsync(Meeting meeting, string key, DateOnly today, CancellationToken cancellationToken)
    {
        var actions = await ActionsWithoutUpdateAsync(meeting, cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.PlanId == meeting.PlanId && f.Status == FollowUpStatus.Open)
            .Select(f => new { f.OwnerUserId, f.What, f.DueDate, f.MeetingId }).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == meeting.PlanId && m.RetiredOn == null && m.DataOwnerUserId != null)
            .Include(m => m.Targets).Include(m => m.Actuals).AsSplitQuery().ToListAsync(cancellationToken);
        var figures = measures.Select(m => (m.DataOwnerUserId, m.Id, m.Name, Next: m.NextFigureDue(today)))
            .Where(m => m.Next is { } next && next.Period.End < today).ToList();

        var leadIds = actions.Select(a => a.LeadUserId).Concat(followUps.Select(f => f.OwnerUserId)).Concat(figures.Select(f => f.DataOwnerUserId!))
            .Distinct().ToList();
        var leads = await ActiveUsersAsync(leadIds, cancellationToken);
        var deadline = Date(meeting.UpdateDeadline);
        foreach (var person in leads)
        {
            var theirActions = actions.Where(a => a.LeadUserId == person.Id).ToList();
            var theirFollowUps = followUps.Where(f => f.OwnerUserId == person.Id).ToList();
            var theirFigures = figures.Where(f => f.DataOwnerUserId == person.Id).ToList();
            var content = new EmailContent($"Updates due by {deadline}")
                .Paragraph($"Dear {person.DisplayName},")
                .Paragraph($"The next CSIP review is on {Date(meeting.Date)}. Please bring these up to date by {deadline}.");
            if (theirActions.Count > 0)
            {
                content.Subheading("Actions with no approved update since the last review")
                    .List(theirActions.Select(a => ($"{a.Reference}: {Shorten(a.Text)}", (string?)outbox.Link($"/actions/{Uri.EscapeDataString(a.Reference)}"))));
            }

            if (theirFigures.Count > 0)
            {
                content.Subheading("Figures due for measures you own")
                    .List(theirFigures.Select(f => ($"{f.Name}: due by {Date(f.Next!.Value.DueOn)}", (string?)outbox.Link($"/measures/{f.Id}"))));
            }

            if (theirFollowUps.Count > 0)
            {
                content.Subheading("Your open follow-ups")
                    .List(theirFollowUps.Select(f => ($"{f.What} (by {Date(f.DueDate)})", (string?)outbox.Link($"/meetings/{f.MeetingId}"))));
            }

            outbox.Add(meeting.PlanId, person.Id, person.Email, person.DisplayName, $"Updates due by {deadline} for the CSIP review", content,
                $"{ReminderJob}:{key}");
        }

        claims.Add(ReminderJob, key);
        await claims.SaveAsync(cancellationToken);
    }

    private async Task EscalateAsync(Meeting meeting, string key, CancellationToken cancellationToken)
    {
        var missed = await ActionsWithoutUpdateAsync(meeting, cancellationToken);
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

    /// <summary>Weekends and the configured bank holidays (Meetings:BankHolidays, yyyy-MM-dd), as the meetings feature counts them.</summary>
    private static WorkingDays WorkingDaysFrom(IConfiguration configuration) =>
        new(configuration.GetSection("Meetings:BankHolidays").GetChildren().Select(c => c.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => DateOnly.TryParseExact(v!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .Where(d => d is not null).Select(d => d!.Value));

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120].TrimEnd() + "…";

    private sealed record ActionDue(string Reference, string Text, string LeadUserId, string? SeniorResponsibleOfficer);

    private sealed record Person(string Id, string Email, string DisplayName);
}
