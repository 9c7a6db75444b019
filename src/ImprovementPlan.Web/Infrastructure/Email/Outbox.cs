using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Web.Data;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>
/// Adds emails to the outbox through the request's DbContext. Nothing is saved here: the caller's
/// SaveChanges commits the message with the change that caused it, or neither.
/// </summary>
public sealed class Outbox(ImprovementPlanDbContext db, TimeProvider clock, IOptionsMonitor<EmailOptions> options)
{
    public EmailOptions Settings => options.CurrentValue;

    /// <summary>An absolute link into the app for an email.</summary>
    public string Link(string path) => Settings.Link(path);

    /// <summary>Adds the message unless one for this event and address is already tracked (saved ones are refused by the unique index).</summary>
    public OutboxMessage? Add(int? planId, string? recipientUserId, string address, string name, string subject, EmailContent content, string eventKey)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.EventKey == eventKey && e.Entity.RecipientAddress == address))
        {
            return null;
        }

        var message = new OutboxMessage(planId, recipientUserId, address, name, subject, content.Text, content.Html, eventKey,
            clock.GetUtcNow().UtcDateTime);
        db.OutboxMessages.Add(message);
        return message;
    }
}
