using ImprovementPlan.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on a real SQLite file in a folder of its own. "Today" is fixed so that
/// ratings are predictable: 1 March 2021, a fortnight before the seeded scrutiny committee.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2021, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public AppFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "ipt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "improvement-plan.db");

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>Set from IPT_TEST_SQLSERVER, with a database name of this factory's own; null to use SQLite.</summary>
    public string? SqlServerConnectionString { get; } = Environment.GetEnvironmentVariable("IPT_TEST_SQLSERVER") is { Length: > 0 } server
        ? new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(server) { InitialCatalog = $"ipt_test_{Guid.NewGuid():N}" }.ConnectionString
        : null;

    /// <summary>Extra settings a test class needs, applied over the defaults below.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("DemoUsers:Enabled", "false");
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", "1000");
        // Failures are reported by the assertions; the log keeps only errors, and not the ones
        // tests provoke on purpose (an unreadable database, refused key encryption in a temp folder).
        builder.UseSetting("Serilog:MinimumLevel:Default", "Error");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Extensions.Diagnostics.HealthChecks", "Fatal");
        // IPT_TEST_SQLSERVER=<connection string>: the same tests against a real SQL Server, each factory
        // on a database of its own that is dropped afterwards (docs/deployment.md, "Testing against SQL Server").
        if (SqlServerConnectionString is { } sqlServer)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:ImprovementPlan", sqlServer);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A scope on the app's own services, for arranging data and asserting on what was saved.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<ImprovementPlanDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && SqlServerConnectionString is not null)
        {
            try
            {
                using var scope = Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>().Database.EnsureDeleted();
            }
            catch (InvalidOperationException)
            {
                // The host never started, so there is no database to drop.
            }
        }

        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left in the temp folder; it does not affect other tests.
            }
        }
    }
}
