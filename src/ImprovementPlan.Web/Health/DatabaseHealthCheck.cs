using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImprovementPlan.Web.Health;

/// <summary>
/// Ready only when the database answers a real query against the schema: opening a SQLite
/// connection alone succeeds even when the file is missing or corrupt.
/// </summary>
public sealed class DatabaseHealthCheck(ImprovementPlanDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Plans.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to read the database means "not ready"; the reason is reported, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }
}
