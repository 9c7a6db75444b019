using System.Net;
using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>Finding the seeded reports, creating new ones through the form, and reading PDFs.</summary>
internal static partial class ReportTestSupport
{
    public static readonly DateOnly SeededMeetingDate = new(2021, 3, 17);

    public static Task<int> SeededScrutinyReportIdAsync(this AppFactory factory) =>
        factory.WithDbAsync(db => db.Reports
            .Where(r => r.Kind == ReportKind.ScrutinyReport && r.ReportDate == SeededMeetingDate)
            .Select(r => r.Id).SingleAsync());

    /// <summary>Creates a report through the "Prepare a report" form and returns its id.</summary>
    public static async Task<int> CreateReportAsync(this HttpClient client, ReportKind kind, DateOnly date, CancellationToken ct)
    {
        var token = await client.AntiforgeryTokenAsync("/reports/new");
        using var response = await client.PostAsync(new Uri("/reports/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = kind.ToString(),
            ["ReportDate.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReportDate.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReportDate.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }), ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> PublishAsync(this HttpClient client, int reportId, int publishedVersions, CancellationToken ct)
    {
        var token = await client.AntiforgeryTokenAsync($"/reports/{reportId}");
        return await client.PostAsync(new Uri($"/reports/{reportId}/publish", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["publishedVersions"] = publishedVersions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["confirmUnfinished"] = "true",
            ["__RequestVerificationToken"] = token,
        }), ct);
    }

    public static async Task<byte[]> GetPdfAsync(this HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>The words of every page, in reading order, joined by single spaces.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)));
        return Spaces().Replace(string.Join(' ', pages), " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
