using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>
/// The four PDFs of 17 March 2021 read as a clerk would: numbered paragraphs, each exception once, no heading
/// or lone line of a paragraph at a page's edge, an outline whose words are spaced, an action plan without
/// near-empty pages and a Decision column to write in. The PDFs are printed once, by <see cref="ReportPdfsFactory"/>.
/// </summary>
public sealed partial class ReportLayoutPdfTests(ReportPdfsFactory reports) : IClassFixture<ReportPdfsFactory>
{
    private const double PointsPerCentimetre = 72 / 2.54;

    [Fact]
    public void ScrutinyPdf_NumbersItsParagraphsAndLettersItsSubParagraphs()
    {
        var text = ReportTestSupport.Text(reports.Scrutiny.Pdf);

        Assert.Matches(@"Purpose 1\. \(a\) To share the Improvement Plan", text);
        Assert.Matches(@"Recommendations 2\. It is recommended", text);
        Assert.Matches(@"\d+\. Priority 1:", text);
        Assert.Matches(@"\d+\. Priority 9:", text);
        var numbers = ParagraphNumber().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Contains(1) && numbers.Max() >= 20, $"Paragraph numbers found: {string.Join(", ", numbers)}");
        Assert.DoesNotContain("Nothing has been written", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardPdf_ListsEachExceptionOnceWithItsReasonsAndCounts()
    {
        var text = ReportTestSupport.Text(reports.Board.Pdf);

        Assert.Matches(@"\d+ actions: \d+ overdue, \d+ Red, \d+ stale", text);
        Assert.DoesNotContain("Nothing has been written", text, StringComparison.Ordinal);
        // In the appendix each action is one row: its reference is followed by its reasons once.
        var appendix = text[text.LastIndexOf("Appendix: the exceptions in detail", StringComparison.Ordinal)..];
        var references = ActionReference().Matches(appendix).Select(m => m.Value).ToList();
        Assert.Contains("Overdue by", appendix, StringComparison.Ordinal);
        Assert.Contains("Stale: no approved update", appendix, StringComparison.Ordinal);
        Assert.Equal(references.Distinct().Count(), references.Count);
    }

    [Fact]
    public void ScrutinyPdf_LeavesNoLineOfAParagraphAloneAtTheTopOrFootOfAPage()
    {
        var pages = PrintedPages.Read(reports.Scrutiny.Pdf, ReportPdfsFactory.PortraitTop, ReportPdfsFactory.PortraitBottom);
        var blocks = PrintedPages.Blocks(reports.Scrutiny.Main);

        // The check must see page breaks inside paragraphs at all, or it could never fail.
        Assert.True(pages.Count > 5, $"The scrutiny report has {pages.Count} pages.");
        Assert.Empty(PrintedPages.LoneLines(pages, blocks));
    }

    [Fact]
    public void EveryPdf_EndsNoPageOnAHeading_AndSpacesTheWordsOfItsOutline()
    {
        var problems = new List<string>();
        foreach (var report in reports.All)
        {
            var (top, bottom) = report.Landscape
                ? (ReportPdfsFactory.LandscapeTop, ReportPdfsFactory.LandscapeBottom)
                : (ReportPdfsFactory.PortraitTop, ReportPdfsFactory.PortraitBottom);
            var pages = PrintedPages.Read(report.Pdf, top, bottom);
            problems.AddRange(PrintedPages.HeadingsAtFoot(pages, PrintedPages.Headings(report.Main)).Select(p => $"{report.Name}: {p}"));

            // Chromium titles each outline entry with the heading's text as drawn, line by line: a line break
            // must not join two words ("andevidence"). Every word of a title is a word printed on the pages.
            var titles = PrintedPages.OutlineTitles(report.Pdf);
            Assert.True(titles.Count > 0, $"{report.Name} has no outline.");
            var printed = PrintedPages.Words(report.Pdf);
            problems.AddRange(titles
                .Where(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !printed.Contains(w)))
                .Select(t => $"{report.Name}: the outline entry “{t}” runs words together"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void ActionPlanPdf_FillsEachPageAtLeastHalfBeforeAWorkstreamEnds_WithHeadersOfSevenPointOrMore()
    {
        var pages = PrintedPages.Read(reports.ActionPlan.Pdf, ReportPdfsFactory.LandscapeTop, ReportPdfsFactory.LandscapeBottom);
        var workstreams = reports.ActionPlan.Main.QuerySelectorAll("[data-testid^=workstream-] h2")
            .Select(h => PrintedPages.Normalise(h.TextContent)).ToList();
        Assert.True(workstreams.Count >= 5, $"Workstreams found: {workstreams.Count}");

        // The last page of a workstream may be short: the next workstream starts on a new page.
        bool EndsAWorkstream(int index) => index == pages.Count - 1
            || (pages[index + 1].Lines.Count > 0 && workstreams.Any(w => w.StartsWith(pages[index + 1].Lines[0].Text, StringComparison.Ordinal)));
        var short_ = pages.Where((page, index) => !EndsAWorkstream(index) && page.Fill < 0.5)
            .Select(page => string.Create(CultureInfo.InvariantCulture, $"page {page.Number} is {page.Fill:P0} full"))
            .ToList();
        Assert.True(short_.Count == 0, string.Join("; ", short_));

        using var document = PdfDocument.Open(reports.ActionPlan.Pdf);
        string[] headers = ["REF", "LINK", "ACTIONS", "TIMEFRAME", "OUTCOME", "SENIOR", "STATUS", "DELIVERY", "IMPACT"];
        var letters = document.GetPage(1).GetWords().Where(w => headers.Contains(w.Text)).SelectMany(w => w.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.True(l.PointSize >= 6.95, $"A column header prints at {l.PointSize:0.##} pt."));
    }

    [Fact]
    public void ReviewPackPdf_GivesEveryDecisionColumnRoomToWriteIn()
    {
        using var document = PdfDocument.Open(reports.ReviewPack.Pdf);
        var right = 595.3 - (16 * 72 / 25.4);
        var decisions = document.GetPages().SelectMany(p => p.GetWords()).Where(w => w.Text == "Decision").ToList();

        Assert.NotEmpty(decisions);
        // The column runs from its header to the right margin: at least 4.5 cm to write a decision by hand.
        Assert.All(decisions, d => Assert.True(right - d.BoundingBox.Left >= 4.5 * PointsPerCentimetre,
            $"A Decision column is {(right - d.BoundingBox.Left) / PointsPerCentimetre:0.0} cm wide."));
    }

    [GeneratedRegex(@"(?:^| )(\d{1,2})\. ")]
    private static partial Regex ParagraphNumber();

    [GeneratedRegex(@"\b(?:LG|QP|PM|CS|E)\d{1,2}\b")]
    private static partial Regex ActionReference();
}

/// <summary>A report printed for the layout tests: its PDF and the report in its HTML preview (the same template).</summary>
public sealed record PrintedReport(string Name, byte[] Pdf, IElement Main, bool Landscape);

/// <summary>
/// The seeded plan with the four reports of 17 March 2021 printed once, for every layout test to read. Set
/// IPT_KEEP_REPORT_PDFS to a folder to keep the PDFs there, to look at them page by page.
/// </summary>
public sealed class ReportPdfsFactory : AppFactory, IAsyncLifetime
{
    // The renderer's margins, in millimetres: the running header and footer are printed inside them.
    internal const double PortraitTop = 20;
    internal const double PortraitBottom = 18;
    internal const double LandscapeTop = 18;
    internal const double LandscapeBottom = 16;

    public PrintedReport Scrutiny { get; private set; } = null!;

    public PrintedReport Board { get; private set; } = null!;

    public PrintedReport ReviewPack { get; private set; } = null!;

    public PrintedReport ActionPlan { get; private set; } = null!;

    public IEnumerable<PrintedReport> All => [Scrutiny, Board, ReviewPack, ActionPlan];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var date = ReportTestSupport.SeededMeetingDate;
        using var clerk = await this.SignedInClientAsync(Roles.CommitteeClerk);
        using var director = await this.SignedInClientAsync(Roles.ServiceDirector);
        Scrutiny = await PrintAsync(clerk, "scrutiny-report", await this.SeededScrutinyReportIdAsync(), false, ct);
        Board = await PrintAsync(clerk, "board-report", await clerk.CreateReportAsync(ReportKind.BoardProgressReport, date, ct), false, ct);
        ReviewPack = await PrintAsync(director, "csip-review-pack", await director.CreateReportAsync(ReportKind.CsipReviewPack, date, ct), false, ct);
        ActionPlan = await PrintAsync(clerk, "action-plan", await clerk.CreateReportAsync(ReportKind.FullActionPlan, date, ct), true, ct);
    }

    private static async Task<PrintedReport> PrintAsync(HttpClient client, string name, int id, bool landscape, CancellationToken ct)
    {
        var pdf = await client.GetPdfAsync($"/reports/{id}/draft/pdf", ct);
        var preview = await client.GetDocumentAsync($"/reports/{id}");
        if (Environment.GetEnvironmentVariable("IPT_KEEP_REPORT_PDFS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".pdf"), pdf, ct);
        }

        return new PrintedReport(name, pdf, preview.QuerySelector("article.app-report")!, landscape);
    }
}
