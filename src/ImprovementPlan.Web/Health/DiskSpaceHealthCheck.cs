using ImprovementPlan.Web.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImprovementPlan.Web.Health;

/// <summary>Degraded when the data folder's disk has less than the configured free space (default 500 MB).</summary>
public sealed class DiskSpaceHealthCheck(StorageOptions storage, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimumMegabytes = configuration.GetValue("Health:MinimumFreeDiskMegabytes", 500L);
        var root = Path.GetPathRoot(storage.DataDirectory);
        if (string.IsNullOrEmpty(root))
        {
            return Task.FromResult(HealthCheckResult.Degraded("The data folder's disk could not be found."));
        }

        var freeMegabytes = new DriveInfo(root).AvailableFreeSpace / (1024 * 1024);
        var data = new Dictionary<string, object> { ["freeMegabytes"] = freeMegabytes };
        return Task.FromResult(freeMegabytes >= minimumMegabytes
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"Only {freeMegabytes} MB free on the data folder's disk.", data: data));
    }
}
