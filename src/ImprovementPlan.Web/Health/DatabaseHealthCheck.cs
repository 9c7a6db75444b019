using System.Data.Common;
using ImprovementPlan.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImprovementPlan.Web.Health;

/// <summary>
/// Ready only when the database answers a real query against the schema (opening a SQLite
/// connection alone succeeds even when the file is missing or corrupt), on a connection of its own:
/// never one from the pool, which may still hold a file that has since gone or a server link that
/// still works when new ones do not, and with a short timeout, so a load balancer hears "not ready"
/// within seconds.
/// </summary>
public sealed class DatabaseHealthCheck(ImprovementPlanDbContext db) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = FreshConnection();
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Plans";
            command.CommandTimeout = (int)Timeout.TotalSeconds;
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to read the database means "not ready"; the reason is reported, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }

    /// <summary>A new, unpooled connection to the app's database, with the short timeout.</summary>
    private DbConnection FreshConnection()
    {
        var connectionString = db.Database.GetConnectionString();
        if (db.Database.IsSqlServer())
        {
            return new SqlConnection(new SqlConnectionStringBuilder(connectionString)
            {
                Pooling = false,
                ConnectTimeout = (int)Timeout.TotalSeconds,
                ConnectRetryCount = 0,
            }.ConnectionString);
        }

        return new SqliteConnection(new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            DefaultTimeout = (int)Timeout.TotalSeconds,
            // Never create an empty file where the database should be.
            Mode = SqliteOpenMode.ReadWrite,
        }.ConnectionString);
    }
}
