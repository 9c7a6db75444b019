using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>
/// Reports take their measures' figures as at the report's date: a figure entered in June 2021 (May's,
/// produced on 14 June) is in the reports for 16 June 2021 and not in the council's 17 March 2021 report.
/// </summary>
public sealed class ReportMeasuresAsAtTests(JuneReportsFactory factory) : IClassFixture<JuneReportsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly June16 = new(2021, 6, 16);

    private int FreshId => factory.FreshMeasureId;

    [Theory]
    [InlineData(ReportKind.ScrutinyReport)]
    [InlineData(ReportKind.BoardProgressReport)]
    [InlineData(ReportKind.CsipReviewPack)]
    public async Task Preview_ReportFor16June_ShowsTheFigureProducedBeforeIt_WithPreviousFigureDirectionTargetAndReason(ReportKind kind)
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var id = await client.CreateReportAsync(kind, June16, Ct);

        var page = await client.GetDocumentAsync($"/reports/{id}");

        var row = page.QuerySelector("[data-testid=measure-TEST-FRESH]");
        Assert.NotNull(row);
        var latest = row.QuerySelector("[data-testid=latest]")!.TextContent;
        Assert.Contains("81%", latest, StringComparison.Ordinal);
        Assert.Contains("(May 2021)", latest, StringComparison.Ordinal);
        Assert.Equal("Better: up from 76% in January 2021", row.QuerySelector("[data-testid=travel]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("[data-testid=no-newer-figure]"));
        Assert.Contains("90% by September 2021", row.TextContent, StringComparison.Ordinal);
        var rating = row.QuerySelector("[data-testid=rating]")!.TextContent;
        Assert.Contains("81% in May 2021", rating, StringComparison.Ordinal);
        Assert.Equal($"/measures/{FreshId}", row.QuerySelector("a.app-measure-link")!.GetAttribute("href"));
        var stale = page.QuerySelector("[data-testid=measure-TEST-STALE] [data-testid=no-newer-figure]");
        Assert.Equal("No newer figure since January 2021: the figure for February 2021 was due by 20 March 2021.", stale?.TextContent.Trim());
    }

    [Fact]
    public async Task Preview_Council17MarchReport_DoesNotShowTheFigureProducedInJune()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var id = await factory.SeededScrutinyReportIdAsync();

        var page = await client.GetDocumentAsync($"/reports/{id}");

        var latest = page.QuerySelector("[data-testid=measure-TEST-FRESH] [data-testid=latest]")!.TextContent;
        Assert.Contains("76%", latest, StringComparison.Ordinal);
        Assert.Contains("(January 2021)", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("81%", page.QuerySelector("[data-testid=measure-TEST-FRESH]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("81%", page.QuerySelector("[data-testid=chart-TEST-FRESH]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=measure-TEST-STALE] [data-testid=no-newer-figure]"));
    }

    [Fact]
    public async Task Preview_ReviewPack_ListsTheFiguresOverdueByItsDate()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var id = await client.CreateReportAsync(ReportKind.CsipReviewPack, June16, Ct);

        var page = await client.GetDocumentAsync($"/reports/{id}");

        var overdue = page.QuerySelector("[data-testid=figures-overdue]")!;
        var staleRow = overdue.QuerySelector("[data-testid=overdue-TEST-STALE]");
        Assert.NotNull(staleRow);
        Assert.Contains("February 2021", staleRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("20 March 2021", staleRow.TextContent, StringComparison.Ordinal);
        Assert.Null(overdue.QuerySelector("[data-testid=overdue-TEST-FRESH]"));
    }

    [Fact]
    public async Task DraftPdf_ScrutinyReportFor16June_PrintsTheFiguresReasonsAndChartAtNinePointOrMore()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var id = await client.CreateReportAsync(ReportKind.ScrutinyReport, June16, Ct);

        var pdf = await client.GetPdfAsync($"/reports/{id}/draft/pdf", Ct);

        var text = ReportTestSupport.Text(pdf);
        Assert.Contains("Test measure with a June figure", text, StringComparison.Ordinal);
        // Table cells wrap, so their words interleave with the next cell's: look for phrases that fit on a line.
        Assert.Contains("Better: up from", text, StringComparison.Ordinal);
        Assert.Contains("No newer figure", text, StringComparison.Ordinal);
        Assert.Contains("81% in May 2021.", text, StringComparison.Ordinal);
        Assert.Contains("Up from 76% to 81% since January 2021; target 90% by September 2021.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(/measures/", text, StringComparison.Ordinal);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        // The charts' legend entry "Target trajectory" (capitalised there only).
        var legend = document.GetPages().SelectMany(p => p.GetWords().Zip(p.GetWords().Skip(1)))
            .Where(pair => pair.First.Text == "Target" && pair.Second.Text == "trajectory"
                && Math.Abs(pair.First.BoundingBox.Bottom - pair.Second.BoundingBox.Bottom) < 0.5)
            .SelectMany(pair => pair.First.Letters.Concat(pair.Second.Letters)).ToList();
        Assert.NotEmpty(legend);
        Assert.All(legend, l => Assert.True(l.PointSize >= 8.95, $"Chart text prints at {l.PointSize:0.##} pt."));
    }
}

/// <summary>
/// The seeded plan on 1 July 2021 (so reports for 16 June 2021 are read as at their own date), with two
/// test measures: one with January's figure and May's, produced on 14 June; one whose May figure came only on 25 June.
/// </summary>
public sealed class JuneReportsFactory : AppFactory, IAsyncLifetime
{
    public int FreshMeasureId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Clock.SetUtcNow(new DateTimeOffset(2021, 7, 1, 9, 0, 0, TimeSpan.Zero));
        FreshMeasureId = await this.CreateMeasureAsync("TEST-FRESH", "Test measure with a June figure", build: m =>
        {
            m.AddTarget(new DateOnly(2021, 9, 30), 90m, null, null, dateAssumed: false);
            MeasureTestData.Record(m, 2021, 1, 76m, new DateOnly(2021, 2, 12));
        });
        var stale = await this.CreateMeasureAsync("TEST-STALE", "Test measure with no figure since January", build: m =>
        {
            m.AddTarget(new DateOnly(2021, 9, 30), 90m, null, null, dateAssumed: false);
            MeasureTestData.Record(m, 2021, 1, 60m, new DateOnly(2021, 2, 12));
        });
        await this.RecordAsync(FreshMeasureId, 2021, 5, 81m, new DateOnly(2021, 6, 14));
        // May's figure for the other measure was produced on 25 June: after 16 June, so those reports must not show it.
        await this.RecordAsync(stale, 2021, 5, 70m, new DateOnly(2021, 6, 25));
    }
}
