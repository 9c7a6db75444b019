using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>Runs every scheduled job every few minutes (Notifications:JobIntervalSeconds), each in its own scope, on the injected clock.</summary>
public sealed partial class NotificationJobsService(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<NotificationOptions> options,
    IOptionsMonitor<Infrastructure.Email.EmailOptions> email, ILogger<NotificationJobsService> logger) : BackgroundService
{
    /// <summary>Runs each job once, now. The hosted loop calls this; tests call it with a moved clock.</summary>
    public static async Task RunAllAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var type in NotificationJobs.Types)
        {
            await using var scope = scopes.CreateAsyncScope();
            await ((IScheduledJob)scope.ServiceProvider.GetRequiredService(type)).RunAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.JobsEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // Without an email server the jobs wait too: reminders for a passed day are not worth writing later.
            if (email.CurrentValue.IsConfigured)
            {
                try
                {
                    await RunAllAsync(scopes, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRoundFailed(logger, exception);
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, options.CurrentValue.JobIntervalSeconds)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduled notification job failed; it runs again next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

public static class NotificationJobs
{
    public static readonly Type[] Types = [typeof(DailyDigestJob), typeof(DecisionsDigestJob), typeof(LeadRemindersJob)];

    public static IServiceCollection AddNotificationJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        foreach (var type in Types)
        {
            services.AddScoped(type);
        }

        services.AddHostedService<NotificationJobsService>();
        return services;
    }
}
