using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>The PDFs printed from the seeded data: the 17 March 2021 scrutiny report and the full action plan.</summary>
public sealed class ScrutinyReportPdfTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Figures printed in the council's report (shared/seeds/000_51e0d2807941230c.txt), as they appear there.</summary>
    private static readonly string[] CouncilFigures =
    [
        "69%", "76%", "73%", "85%", "290", "26 managers", "400", "75%", "80%", "36 social workers", "17%", "83%",
        "82%", "365", "94", "7 sibling groups", "69 unborn", "90%", "71%", "26 SGO", "6 social workers", "11 Practitioners",
        "8 young people", "49.5%", "41.7%", "2.7%", "5 children", "38 children", "30 agreed", "7 days", "45%", "70%", "95%",
        "17.9", "17.4", "24.1", "£6.150m", "£1.340m", "£2.140m", "£0.170m", "circa 26 SGO", "01384 814309",
    ];

    [Fact]
    public async Task GetDraftPdf_Seeded17MarchReport_IsATaggedPdfWithThePrioritiesAndTheCouncilsFigures()
    {
        using var client = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        var pdf = await client.GetPdfAsync($"/reports/{id}/draft/pdf", Ct);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = ReportTestSupport.Text(pdf);
        var titles = await factory.WithDbAsync(db => db.Priorities.OrderBy(p => p.Number).Select(p => p.Title).ToListAsync());
        Assert.Equal(9, titles.Count);
        foreach (var title in titles)
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        Assert.Contains("percentage of Contacts progressed within one working day was 69% in November 2020", text, StringComparison.Ordinal);
        Assert.Contains("improved to 76%", text, StringComparison.Ordinal);
        var missing = CouncilFigures.Where(figure => !text.Contains(figure, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Figures missing from the PDF: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task GetDraftPdf_Seeded17MarchReport_HasTitleAuthorLanguageOutlineAndPageNumbers()
    {
        using var client = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        var pdf = await client.GetPdfAsync($"/reports/{id}/draft/pdf", Ct);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Children and Young People’s Plan: January 2021 – January 2022", document.Information.Title);
        Assert.Equal("Report of the Director of Children’s Services", document.Information.Author);
        Assert.True(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("MarkInfo")), "The PDF is not tagged.");
        Assert.True(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("Lang")), "The PDF declares no language.");
        Assert.True(document.TryGetBookmarks(out var bookmarks) && bookmarks.GetNodes().Any(), "The PDF has no outline.");
        var pages = document.NumberOfPages;
        Assert.True(pages > 3);
        var lastPage = string.Join(' ', document.GetPage(pages).GetWords().Select(w => w.Text));
        Assert.Contains($"Page {pages} of {pages}", lastPage, StringComparison.Ordinal);
        var first = document.GetPage(1);
        Assert.InRange(first.Width, 590, 600); // A4 portrait: 595 × 842 points
        Assert.InRange(first.Height, 838, 846);
    }

    [Fact]
    public async Task GetDraftPdf_FullActionPlan_CarriesAll57ReferencesInOrder_OnLandscapePages()
    {
        using var client = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await client.CreateReportAsync(ReportKind.FullActionPlan, new DateOnly(2021, 3, 1), Ct);

        using var response = await client.GetAsync(new Uri($"/reports/{id}/draft/pdf", UriKind.Relative), Ct);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal("action-plan-2021-03-01.pdf", response.Content.Headers.ContentDisposition?.FileName);
        var references = await factory.WithDbAsync(db => db.Actions.OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync());
        Assert.Equal(57, references.Count);
        var words = ReportTestSupport.Text(pdf).Split(' ');
        var at = -1;
        foreach (var reference in references)
        {
            var found = Array.IndexOf(words, reference, at + 1);
            Assert.True(found > at, $"{reference} is missing or out of order in the action plan PDF.");
            at = found;
        }

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), page => Assert.True(page.Width > page.Height, $"Page {page.Number} is not landscape."));
    }

    [Fact]
    public async Task GetPreview_Seeded17MarchReport_ShowsTheSameReportAsHtml()
    {
        using var client = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        var page = await client.GetDocumentAsync($"/reports/{id}");

        Assert.NotNull(page.QuerySelector("[data-testid=priority-9]"));
        Assert.Contains("76%", page.QuerySelector("[data-testid=measure-MASH-CONTACTS-1WD]")!.TextContent, StringComparison.Ordinal);
        var chart = page.QuerySelector("[data-testid=chart-MASH-CONTACTS-1WD] svg[role=img]");
        Assert.NotNull(chart);
        Assert.Contains("since November 2020", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href$='/sections/finance/edit']"));
    }

    [Theory]
    [InlineData(ReportKind.BoardProgressReport, "Ratings of the plan’s actions")]
    [InlineData(ReportKind.CsipReviewPack, "Awaiting a decision")]
    public async Task GetDraftPdf_BoardReportAndReviewPack_PrintWithTheirSections(ReportKind kind, string heading)
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var id = await client.CreateReportAsync(kind, new DateOnly(2021, 3, 2), Ct);

        var preview = await client.GetDocumentAsync($"/reports/{id}");
        var pdf = await client.GetPdfAsync($"/reports/{id}/draft/pdf", Ct);

        Assert.Contains(heading, preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(heading, ReportTestSupport.Text(pdf), StringComparison.Ordinal);
    }
}
