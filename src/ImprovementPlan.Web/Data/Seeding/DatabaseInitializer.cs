using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Data.Seeding;

/// <summary>Prepares the database at start-up: migrations, roles, the council's plan, and demo accounts in Development.</summary>
public sealed partial class DatabaseInitializer(
    ImprovementPlanDbContext db,
    DatabaseOptions options,
    RoleManager<IdentityRole> roles,
    PlanSeeder planSeeder,
    DemoUserSeeder demoUsers,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        if (options.MigrateOnStartup)
        {
            LogMigrating(logger, options.Provider);
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (options.SeedOnStartup)
        {
            await planSeeder.SeedAsync(cancellationToken);
        }

        if (configuration.GetValue("DemoUsers:Enabled", environment.IsDevelopment()))
        {
            await demoUsers.SeedAsync(cancellationToken);
        }

        await RefreshStatisticsAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite only: gives the query planner table statistics. Without them it guesses, and reads, for
    /// example, every plan's submitted updates through the State index and then keeps the plan's, instead
    /// of starting from the plan's actions; with them it starts from the plan. ANALYZE the first time
    /// (sampled, so it stays quick on a large file), then SQLite's own "optimize", which analyzes again only
    /// the tables that have grown or shrunk a lot since.
    /// </summary>
    private async Task RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var analysed = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
            .SingleAsync(cancellationToken) > 0;
        await db.Database.ExecuteSqlRawAsync(analysed ? "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;" : "PRAGMA analysis_limit = 1000; ANALYZE;",
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migrations ({Provider})")]
    private static partial void LogMigrating(ILogger logger, string provider);
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(cancellationToken);
    }
}
