using System.Net;
using ImprovementPlan.Web.Identity;
using Microsoft.Data.Sqlite;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>
/// When the database cannot be read, readiness says so at once (it opens a connection of its own
/// rather than reusing a pooled one that still holds the old file), and people get a 503 page that
/// says the service is unavailable rather than a 500.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Puts a file that is not a database where the database was, while open connections keep the old one.</summary>
    private static async Task ReplaceDatabaseWithGarbageAsync(AppFactory factory)
    {
        // Open connections keep the moved files (the same inodes), the write-ahead log with them.
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(factory.DatabasePath + suffix))
            {
                File.Move(factory.DatabasePath + suffix, factory.DatabasePath + suffix + ".moved");
            }
        }

        await File.WriteAllBytesAsync(factory.DatabasePath, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)), Ct);
    }

    [Fact]
    public async Task Ready_DatabaseReplacedWhilePooledConnectionsStayOpen_Returns503()
    {
        using var factory = new AppFactory();
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        // Warm the connection pool: these connections keep the original file open.
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await ReplaceDatabaseWithGarbageAsync(factory);
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Page_DatabaseUnreadable_Returns503ServiceUnavailablePage()
    {
        using var factory = new AppFactory();
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        SqliteConnection.ClearAllPools();
        await ReplaceDatabaseWithGarbageAsync(factory);
        using var response = await client.GetAsync(new Uri("/actions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal("Sorry, the service is unavailable", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=correlation-id]"));
    }
}
