using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>
/// Once a day, from the digest hour: one email to each person who chose a daily digest, listing the
/// notices held for them, which are then marked included, in the same save as the email and the
/// day's claim.
/// </summary>
public sealed class DailyDigestJob(ImprovementPlanDbContext db, Outbox outbox, JobClaims claims, TimeProvider clock,
    IOptionsMonitor<NotificationOptions> options) : IScheduledJob
{
    public const string Name = "daily-digest";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var local = UkTime.Now(clock);
        if (local.Hour < options.CurrentValue.DigestHour)
        {
            return;
        }

        var day = DateOnly.FromDateTime(local).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await claims.IsDoneAsync(Name, day, cancellationToken))
        {
            return;
        }

        var held = await db.Notices.Where(n => n.DigestedAtUtc == null).OrderBy(n => n.CreatedAtUtc).ToListAsync(cancellationToken);
        var recipientIds = held.Select(n => n.RecipientUserId).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => recipientIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var recipient in recipients)
        {
            var theirs = held.Where(n => n.RecipientUserId == recipient.Id).ToList();
            var content = new EmailContent("Your daily digest")
                .Paragraph($"Dear {recipient.DisplayName},")
                .Paragraph(theirs.Count == 1 ? "One thing happened to your work since your last digest:" : $"{theirs.Count} things happened to your work since your last digest:")
                .List(theirs.Select(n => (n.Text, (string?)outbox.Link(n.LinkPath))))
                .Paragraph("To get these as they happen instead, change your email settings: " + outbox.Link("/account/email-settings"));
            outbox.Add(null, recipient.Id, recipient.Email!, recipient.DisplayName, "Your Improvement Plan Tracker digest", content, $"{Name}:{day}");
            theirs.ForEach(n => n.MarkDigested(now));
        }

        claims.Add(Name, day);
        await claims.SaveAsync(cancellationToken);
    }
}
