using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures.Import;

/// <summary>
/// The app for the import tests: "today" in January 2026, after the DfE published the 2025 figures,
/// and an upload limit one byte above the shipped referrals file, so the boundary can be tested with it.
/// </summary>
public sealed class ImportAppFactory : AppFactory
{
    public static readonly DateOnly PublishedOn = new(2025, 10, 30);

    public ImportAppFactory() => Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));

    public static long Limit => new FileInfo(PublishedFiles.ReferralsPath).Length + 1;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["MeasuresImport:MaxFileSizeBytes"] = Limit.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Arranging measures and driving the import's pages as a browser would.</summary>
public static class ImportTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] Referrals => File.ReadAllBytes(PublishedFiles.ReferralsPath);

    public static byte[] Groupings => File.ReadAllBytes(PublishedFiles.GroupingsPath);

    /// <summary>A re-referrals measure counted in DfE reporting years, new in the seeded plan.</summary>
    public static async Task<int> CreateDfeMeasureAsync(this AppFactory factory, string code, Action<Measure>? arrange = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var measure = new Measure(planId, code, new MeasureDefinition
            {
                Name = $"Re-referrals within 12 months ({code})",
                Unit = MeasureUnit.Percent,
                DecimalPlaces = 1,
                Polarity = Polarity.LowerIsBetter,
                Frequency = MeasureFrequency.DfeReportingYear,
            });
            arrange?.Invoke(measure);
            db.Measures.Add(measure);
            await db.SaveChangesAsync(Ct);
            return measure.Id;
        });
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, (string Name, byte[] Content)? file,
        (string Name, byte[] Content)? groupings = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.AntiforgeryTokenAsync("/");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (field, part) in new[] { ("File", file), ("Groupings", groupings) })
        {
            if (part is { } p)
            {
                var bytes = new ByteArrayContent(p.Content);
                bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                content.Add(bytes, field, p.Name);
            }
        }

        return await client.PostAsync(new Uri("/measures/import", UriKind.Relative), content, Ct);
    }

    /// <summary>Uploads the shipped files and chooses the column and measure; returns the preview's address.</summary>
    public static async Task<string> UploadAndChooseAsync(this HttpClient client, int measureId, string indicator, bool withGroupings = true)
    {
        using var uploaded = await client.UploadAsync((PublishedFiles.ReferralsFileName, Referrals),
            withGroupings ? (PublishedFiles.GroupingsFileName, Groupings) : null);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var choose = uploaded.Headers.Location!.OriginalString;
        using var chosen = await client.PostFormAsync(choose,
            ("Indicator", indicator), ("MeasureId", measureId.ToString(CultureInfo.InvariantCulture)),
            ("PublishedOn.Day", PublishedOn.Day.ToString(CultureInfo.InvariantCulture)),
            ("PublishedOn.Month", PublishedOn.Month.ToString(CultureInfo.InvariantCulture)),
            ("PublishedOn.Year", PublishedOn.Year.ToString(CultureInfo.InvariantCulture)));
        Assert.True(chosen.StatusCode == HttpStatusCode.Redirect,
            "Choosing failed: " + string.Join("; ", FormPosting.Errors(await Users.ParseAsync(chosen))));
        return chosen.Headers.Location!.OriginalString;
    }

    private static DateOnly PublishedOn => ImportAppFactory.PublishedOn;

    /// <summary>Confirms the preview at <paramref name="previewUrl"/> as shown.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, string previewUrl)
    {
        var preview = await client.GetDocumentAsync(previewUrl);
        var fields = FormPosting.FieldsOf(preview, previewUrl.Replace("/preview", "/confirm", StringComparison.Ordinal));
        return await client.PostFormAsync(previewUrl.Replace("/preview", "/confirm", StringComparison.Ordinal), fields);
    }

    public static Task<Measure> MeasureAsync(this AppFactory factory, int id) =>
        factory.WithDbAsync(db => db.Measures.AsNoTracking().Include(m => m.Actuals).Include(m => m.Comparators).SingleAsync(m => m.Id == id, Ct));
}
