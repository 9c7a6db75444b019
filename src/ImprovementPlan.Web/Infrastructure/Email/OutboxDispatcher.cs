using System.Linq.Expressions;
using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>
/// Sends what is due in the outbox, once. A batch is claimed with one conditional UPDATE (only rows
/// still unclaimed, or whose claim has lapsed, are taken), so two instances reading the same rows
/// never both send one. Each message is then sent and marked sent, or its failure recorded with the
/// next attempt's time (the delay doubling each time) until it is given up as failed.
/// </summary>
public sealed partial class OutboxDispatcher(
    ImprovementPlanDbContext db,
    IEmailTransport transport,
    TimeProvider clock,
    IOptionsMonitor<EmailOptions> options,
    SenderIdentity sender,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Claims and sends one batch; returns how many were sent. Does nothing when SMTP is not configured.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claimedUntil = now.AddSeconds(settings.ClaimSeconds);
        var claim = $"{sender.Name[..Math.Min(60, sender.Name.Length)]}:{Guid.NewGuid():N}";

        var candidates = await db.OutboxMessages.AsNoTracking().Where(Claimable(now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        // The WHERE is checked again by the database as it writes: a row another sender has just claimed is skipped.
        await db.OutboxMessages.Where(m => candidates.Contains(m.Id)).Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, claimedUntil), cancellationToken);
        var claimed = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var sent = 0;
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(settings.FirstRetryDelaySeconds), TimeSpan.FromSeconds(settings.MaximumRetryDelaySeconds),
            Math.Max(1, settings.MaxAttempts));
        foreach (var message in claimed)
        {
            if (clock.GetUtcNow().UtcDateTime >= claimedUntil)
            {
                // The claim has lapsed: another sender may have the rest now.
                break;
            }

            try
            {
                await transport.SendAsync(message, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(message, claim, exception, schedule, cancellationToken);
                continue;
            }

            var sentAt = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
            sent++;
        }

        return sent;
    }

    private async Task RecordFailureAsync(OutboxMessage message, string claim, Exception exception, RetrySchedule schedule,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var delay = schedule.DelayAfter(attempts);
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > OutboxMessage.ErrorLimit ? error[..OutboxMessage.ErrorLimit] : error;
        LogFailure(logger, message.Id, attempts, exception.GetType().Name);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAtUtc, delay is { } wait ? now + wait : now)
            .SetProperty(m => m.FailedAtUtc, delay is null ? now : null)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
    }

    private static Expression<Func<OutboxMessage, bool>> Claimable(DateTime now) => m =>
        m.SentAtUtc == null && m.FailedAtUtc == null && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} failed on attempt {Attempts} ({ErrorType})")]
    private static partial void LogFailure(ILogger logger, long messageId, int attempts, string errorType);
}
