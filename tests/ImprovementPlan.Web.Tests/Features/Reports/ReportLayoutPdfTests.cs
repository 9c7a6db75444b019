using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>The PDFs read as a clerk would: numbered paragraphs, no empty-section filler, each exception once.</summary>
public sealed partial class ReportLayoutPdfTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScrutinyPdf_NumbersItsParagraphsAndLettersItsSubParagraphs()
    {
        using var client = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        var text = ReportTestSupport.Text(await client.GetPdfAsync($"/reports/{id}/draft/pdf", Ct));

        Assert.Matches(@"Purpose 1\. \(a\) To share the Improvement Plan", text);
        Assert.Matches(@"Recommendations 2\. It is recommended", text);
        Assert.Matches(@"\d+\. Priority 1:", text);
        Assert.Matches(@"\d+\. Priority 9:", text);
        var numbers = ParagraphNumber().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Contains(1) && numbers.Max() >= 20, $"Paragraph numbers found: {string.Join(", ", numbers)}");
        Assert.DoesNotContain("Nothing has been written", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardPdf_ListsEachExceptionOnceWithItsReasonsAndCounts()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 3, 17), Ct);

        var text = ReportTestSupport.Text(await clerk.GetPdfAsync($"/reports/{id}/draft/pdf", Ct));

        Assert.Matches(@"\d+ actions: \d+ overdue, \d+ Red, \d+ stale", text);
        Assert.DoesNotContain("Nothing has been written", text, StringComparison.Ordinal);
        // In the appendix each action is one row: its reference is followed by its reasons once.
        var appendix = text[text.LastIndexOf("Appendix: the exceptions in detail", StringComparison.Ordinal)..];
        var references = ActionReference().Matches(appendix).Select(m => m.Value).ToList();
        Assert.Contains("Overdue by", appendix, StringComparison.Ordinal);
        Assert.Contains("Stale: no approved update", appendix, StringComparison.Ordinal);
        Assert.Equal(references.Distinct().Count(), references.Count);
    }

    [GeneratedRegex(@"(?:^| )(\d{1,2})\. ")]
    private static partial Regex ParagraphNumber();

    [GeneratedRegex(@"\b(?:LG|QP|PM|CS|E)\d{1,2}\b")]
    private static partial Regex ActionReference();
}
