namespace ImprovementPlan.Web.Infrastructure.Backup;

/// <summary>
/// Runs <see cref="BackupRunner"/> on the configured interval, counted from the newest backup in the
/// folder, so a restart neither skips a backup nor takes an extra one. Does nothing when backups are off.
/// </summary>
public sealed partial class BackupService(IServiceScopeFactory scopes, BackupOptions options, BackupStatus status, TimeProvider clock,
    ILogger<BackupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled || options.Interval <= TimeSpan.Zero)
        {
            return;
        }

        var started = clock.GetUtcNow().UtcDateTime;
        DateTime? newest;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<BackupRunner>();
            var manifest = runner.NewestManifest();
            newest = manifest?.CreatedAtUtc;
            if (manifest is not null && status.Last is null)
            {
                status.Record(new BackupResult(manifest.CreatedAtUtc, true, "Backed up", null, manifest));
            }
        }

        var next = (newest ?? started) + options.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - clock.GetUtcNow().UtcDateTime;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<BackupRunner>().RunAsync(stoppingToken);
                if (!result.Succeeded)
                {
                    LogFailed(logger, result.Message);
                }
            }

            // The next backup is due one interval after this one was due, not after it finished, so a slow
            // backup does not push the schedule back; after a long pause one backup catches up, not many.
            next += options.Interval;
            var now = clock.GetUtcNow().UtcDateTime;
            if (next < now - options.Interval)
            {
                next = now;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled backup not taken: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        services.AddSingleton(options);
        services.AddSingleton<BackupStatus>();
        services.AddScoped<BackupRunner>();
        services.AddHostedService<BackupService>();
        return services;
    }
}
