using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImprovementPlan.Web.Infrastructure;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "ImprovementPlan";

    /// <summary>
    /// Registers <see cref="ImprovementPlanDbContext"/> on the configured provider. With no
    /// configuration it is SQLite in a file under the data folder.
    /// </summary>
    public static IServiceCollection AddImprovementPlanData(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = Path.GetFullPath(storage.DataDirectory, environment.ContentRootPath);
        storage.DataDirectory = dataDirectory;
        storage.Evidence.Folder = Path.GetFullPath(storage.Evidence.Folder, dataDirectory);

        services.AddSingleton(storage);
        services.AddSingleton(database);
        services.AddScoped<ICurrentActor, HttpContextActor>();
        services.AddScoped<AuditingInterceptor>();
        services.AddSingleton<Features.Plans.ArchivedPlanGuard>();
        if (configuration.GetValue<bool>(SqlCommandCounter.Setting))
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<IDbCommandInterceptor, SqlCommandCounter>();
            services.AddTransient<IStartupFilter, SqlCommandCounter.StartupFilter>();
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (database.Provider)
        {
            case DatabaseProviders.Sqlite:
                Directory.CreateDirectory(dataDirectory);
                connectionString ??= new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataDirectory, "improvement-plan.db"),
                    ForeignKeys = true,
                }.ToString();
                services.AddDbContext<ImprovementPlanDbContext, SqliteImprovementPlanDbContext>((sp, options) => options
                    .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(Interceptors(sp)));
                break;
            case DatabaseProviders.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set.");
                }

                services.AddDbContext<ImprovementPlanDbContext, SqlServerImprovementPlanDbContext>((sp, options) => options
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure().UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(Interceptors(sp)));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{database.Provider}' is not known. Use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.SqlServer}'.");
        }

        services.AddScoped<PlanSeeder>();
        services.AddScoped<DemoUserSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>The archived plan guard, the auditing interceptor, then any command interceptors registered (the SQL command counter, or a test's).</summary>
    private static IInterceptor[] Interceptors(IServiceProvider services) =>
    [
        services.GetRequiredService<Features.Plans.ArchivedPlanGuard>(), services.GetRequiredService<AuditingInterceptor>(),
        .. services.GetServices<IDbCommandInterceptor>(),
    ];
}
