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
