using System.Net;
using Microsoft.Data.Sqlite;

namespace ImprovementPlan.Web.Tests.Infrastructure;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_Anonymous_Returns200()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseReadable_Returns200()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Ready_DatabaseFileUnreadable_Returns503_AndRecoversWhenItIsBack()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateClient();

        // Closing every connection checkpoints SQLite's write-ahead log into the main file.
        SqliteConnection.ClearAllPools();
        var original = await File.ReadAllBytesAsync(factory.DatabasePath, Ct);
        await File.WriteAllBytesAsync(factory.DatabasePath, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)), Ct);
        using var broken = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(factory.DatabasePath, original, Ct);
        using var recovered = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Live_DatabaseFileUnreadable_StillReturns200()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateClient();

        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(factory.DatabasePath, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)), Ct);
        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
