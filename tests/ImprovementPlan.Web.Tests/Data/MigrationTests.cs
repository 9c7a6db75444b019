using ImprovementPlan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ipt-tests", Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task SqliteMigrations_ApplyToAnEmptyDatabase()
    {
        await using var db = NewSqliteContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        var tables = await Tables(db);
        Assert.Superset(
            new HashSet<string> { "Plans", "Actions", "ActionPriorities", "ActionSourceReviews", "Priorities", "ProgressUpdates", "Evidence",
                "Measures", "MeasureTargets", "MeasureActuals", "MeasureComparators", "Meetings", "Reports", "PublishedReports",
                "AuditEntries", "AspNetUsers", "AspNetRoles", "DataProtectionKeys" },
            tables);
    }

    [Fact]
    public void SqliteModel_HasNoChangesMissingFromItsMigrations()
    {
        using var db = NewSqliteContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context SqliteImprovementPlanDbContext");
    }

    [Fact]
    public void SqlServerModel_HasNoChangesMissingFromItsMigrations()
    {
        // Building the SQL Server model needs no server: nothing here opens a connection.
        using var db = new SqlServerImprovementPlanDbContext(new DbContextOptionsBuilder<SqlServerImprovementPlanDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context SqlServerImprovementPlanDbContext");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrationsByName()
    {
        using var sqlite = NewSqliteContext();
        using var sqlServer = new SqlServerImprovementPlanDbContext(new DbContextOptionsBuilder<SqlServerImprovementPlanDbContext>()
            .UseSqlServer("Server=unused;Database=unused").Options);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"Operation\" = 'Tampered'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task AuditEntries_CannotBeChangedOrDeleted_EvenWithRawSql(string sql)
    {
        await using var db = NewSqliteContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AuditEntries\" (\"OccurredAtUtc\", \"EntityType\", \"Operation\") VALUES ('2021-03-01 00:00:00', 'Action', 'Created')",
            TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Operation == "Created", TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteImprovementPlanDbContext NewSqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteImprovementPlanDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "migrations.db")}").Options);

    private static async Task<HashSet<string>> Tables(DbContext db)
    {
        var names = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'")
            .ToListAsync(TestContext.Current.CancellationToken);
        return [.. names];
    }
}
