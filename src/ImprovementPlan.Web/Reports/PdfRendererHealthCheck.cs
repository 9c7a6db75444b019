using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImprovementPlan.Web.Reports;

/// <summary>
/// Reports the PDF renderer as degraded (not unhealthy) when Chromium is missing or will not start:
/// the rest of the app, HTML report previews included, still works.
/// </summary>
public sealed class PdfRendererHealthCheck(IPdfRenderer renderer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = renderer.Status;
        return Task.FromResult(status.IsAvailable
            ? HealthCheckResult.Healthy(status.Description)
            : HealthCheckResult.Degraded(status.Description));
    }
}
