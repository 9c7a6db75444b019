using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>Runs the outbox dispatcher every few seconds (Email:SendIntervalSeconds) on the injected clock.</summary>
public sealed partial class OutboxSenderService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<EmailOptions> options,
    ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.SenderEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(stoppingToken);
                }
                while (sent > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database outage must not stop the sender for good: it tries again next time.
                LogRoundFailed(logger, exception);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.SendIntervalSeconds)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender could not finish a round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
