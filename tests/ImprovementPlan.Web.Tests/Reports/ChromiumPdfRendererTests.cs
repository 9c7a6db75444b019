using ImprovementPlan.Web.Reports;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace ImprovementPlan.Web.Tests.Reports;

/// <summary>The renderer itself: a warm browser, relaunched when it dies; nothing fetched from the network.</summary>
public sealed class ChromiumPdfRendererTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly PdfDocumentSettings Settings = new("Renderer test", "1 March 2021", "Test author");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChromiumPdfRenderer Renderer => factory.Services.GetRequiredService<ChromiumPdfRenderer>();

    [Fact]
    public async Task Render_BrowserProcessKilledBetweenRenders_SecondRenderStillSucceeds()
    {
        var first = await Renderer.RenderAsync(Html("First render"), Settings, Ct);
        var launches = Renderer.Launches;

        var killed = BrowserProcesses.Kill(Renderer.InstanceMarker);
        var second = await Renderer.RenderAsync(Html("Second render"), Settings, Ct);

        Assert.True(killed > 0, "No browser process carrying the renderer's marker was found.");
        Assert.Contains("First render", ReadText(first), StringComparison.Ordinal);
        Assert.Contains("Second render", ReadText(second), StringComparison.Ordinal);
        Assert.Equal(launches + 1, Renderer.Launches);
    }

    [Fact]
    public async Task Render_WarmBrowser_IsReusedAcrossRenders()
    {
        await Renderer.RenderAsync(Html("Warm up"), Settings, Ct);
        var launches = Renderer.Launches;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Renderer.RenderAsync(Html($"Render {i}"), Settings, Ct)));

        Assert.Equal(launches, Renderer.Launches);
    }

    [Fact]
    public async Task Render_SequentialRenders_ReuseOneWarmPage_WhichKeepsRefusingTheNetworkAndKeepsNothingOfTheLastDocument()
    {
        await Renderer.RenderAsync(Html("Warm page"), Settings, Ct);
        var opened = Renderer.PagesOpened;
        var blocked = Renderer.BlockedRequests;

        var first = await Renderer.RenderAsync(Html("Confidential first report"), Settings, Ct);
        var second = await Renderer.RenderAsync(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Second</title><link rel=\"stylesheet\" href=\"http://127.0.0.1:9/a.css\"></head>"
            + "<body><p>Second report</p><img alt=\"\" src=\"https://example.invalid/b.png\"></body></html>", Settings, Ct);

        Assert.Equal(opened, Renderer.PagesOpened);
        Assert.Contains("Confidential first report", ReadText(first), StringComparison.Ordinal);
        Assert.Contains("Second report", ReadText(second), StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential", ReadText(second), StringComparison.Ordinal);
        Assert.True(Renderer.BlockedRequests >= blocked + 2, "A reused page fetched other URLs.");
    }

    [Fact]
    public async Task Render_PageReferringToOtherUrls_FetchesNothingAndStillPrints()
    {
        var blocked = Renderer.BlockedRequests;
        const string html = """
            <!DOCTYPE html><html lang="en-GB"><head><title>t</title>
            <link rel="stylesheet" href="http://127.0.0.1:9/evil.css"></head>
            <body><p>Own content</p><img alt="" src="https://example.invalid/tracker.png"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></body></html>
            """;

        var pdf = await Renderer.RenderAsync(html, Settings, Ct);

        Assert.Contains("Own content", ReadText(pdf), StringComparison.Ordinal);
        Assert.True(Renderer.BlockedRequests >= blocked + 2, "Requests for other URLs were not refused.");
    }

    [Fact]
    public async Task Render_SetsTitleAuthorAndLanguageInTheDocumentInformation()
    {
        var pdf = await Renderer.RenderAsync(Html("Metadata"), Settings with { Subject = "A subject" }, Ct);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Renderer test", document.Information.Title);
        Assert.Equal("Test author", document.Information.Author);
        Assert.Equal("A subject", document.Information.Subject);
        Assert.True(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("Lang")));
        Assert.True(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("StructTreeRoot")), "The PDF is not tagged.");
    }

    private static string Html(string text) =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><title>{text}</title></head><body><h1>{text}</h1><p>{text}</p></body></html>";

    private static string ReadText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
