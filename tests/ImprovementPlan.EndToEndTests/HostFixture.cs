using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ImprovementPlan.EndToEndTests.HostFixture))]

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The real app on a real Kestrel port with its own SQLite file and the Development demo accounts,
/// and one headless Debian Chromium driven by Playwright. Shared by every test in the assembly.
/// "Today" is fixed at 1 March 2021, a fortnight before the seeded scrutiny committee.
/// </summary>
public sealed class HostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Tracker-2026";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ipt-e2e", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public HostFixture()
    {
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(0);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2021, 3, 1, 9, 30, 0, TimeSpan.Zero));

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots of the pages the tests visit are saved, for people to look at.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (its own cookies), optionally without JavaScript.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("DemoUsers:Enabled", "true");
        builder.UseSetting("Security:CookieSecurePolicy", "SameAsRequest");
        builder.UseSetting("Authentication:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Error");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; it does not affect anything else.
        }
    }
}
