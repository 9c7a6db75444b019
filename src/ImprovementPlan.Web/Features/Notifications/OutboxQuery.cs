using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>One message as the outbox page lists it (no body: it may hold a password link).</summary>
public sealed record OutboxRow(long Id, string RecipientName, string RecipientAddress, string Subject, DateTime CreatedAtUtc, int Attempts,
    DateTime NextAttemptAtUtc, DateTime? SentAtUtc, DateTime? FailedAtUtc, string? LastError);

public sealed record OutboxPage(bool EmailConfigured, int PendingCount, int SentCount, int FailedCount, string Show, IReadOnlyList<OutboxRow> Rows);

/// <summary>The outbox for administrators: what waits, what was sent, what failed.</summary>
public sealed class OutboxQuery(ImprovementPlanDbContext db, IOptionsMonitor<EmailOptions> options)
{
    public static readonly string[] Views = ["pending", "failed", "sent"];

    public async Task<OutboxPage> GetAsync(string? show, CancellationToken ct)
    {
        show = Views.Contains(show) ? show! : "pending";
        var pending = db.OutboxMessages.Where(m => m.SentAtUtc == null && m.FailedAtUtc == null);
        var failed = db.OutboxMessages.Where(m => m.FailedAtUtc != null && m.SentAtUtc == null);
        var sent = db.OutboxMessages.Where(m => m.SentAtUtc != null);
        var chosen = show switch
        {
            "failed" => failed.OrderByDescending(m => m.FailedAtUtc),
            "sent" => sent.OrderByDescending(m => m.SentAtUtc),
            _ => pending.OrderBy(m => m.NextAttemptAtUtc),
        };
        var rows = await chosen.Take(200).Select(m => new OutboxRow(m.Id, m.RecipientName, m.RecipientAddress, m.Subject, m.CreatedAtUtc, m.Attempts,
            m.NextAttemptAtUtc, m.SentAtUtc, m.FailedAtUtc, m.LastError)).ToListAsync(ct);
        return new OutboxPage(options.CurrentValue.IsConfigured, await pending.CountAsync(ct), await sent.CountAsync(ct), await failed.CountAsync(ct),
            show, rows);
    }
}

/// <summary>An administrator's "Retry" on a failed message: it goes back in the queue, to be sent at the next round.</summary>
public sealed class RetryMessageHandler(ImprovementPlanDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || !message.Retry(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
