using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>
/// Tells someone that something happened to their work (an update approved or returned, a due date
/// decided): an email at once, or a line held for their daily digest, as they chose. Adds to the
/// caller's context; the caller's save commits it with the change itself.
/// </summary>
public sealed class NoticeService(ImprovementPlanDbContext db, Outbox outbox, TimeProvider clock)
{
    public async Task NotifyAsync(int? planId, string? recipientUserId, string eventKey, string subject, string text, string linkPath,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(recipientUserId))
        {
            return;
        }

        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientUserId && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.NoticeDelivery }).SingleOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return;
        }

        if (recipient.NoticeDelivery == NoticeDelivery.DailyDigest)
        {
            if (!db.ChangeTracker.Entries<Notice>().Any(e => e.Entity.EventKey == eventKey && e.Entity.RecipientUserId == recipient.Id))
            {
                db.Notices.Add(new Notice(planId, recipient.Id, eventKey, text, linkPath, clock.GetUtcNow().UtcDateTime));
            }

            return;
        }

        var content = new EmailContent(subject)
            .Paragraph($"Dear {recipient.DisplayName},")
            .Paragraph(text)
            .Link("Open it in the Improvement Plan Tracker", outbox.Link(linkPath))
            .Paragraph("You get these emails as things happen. To get one email a day instead, change your email settings: " + outbox.Link("/account/email-settings"));
        outbox.Add(planId, recipient.Id, recipient.Email!, recipient.DisplayName, subject, content, eventKey);
    }
}
