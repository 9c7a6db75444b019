using System.Globalization;
using System.Net;
using System.Text;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures.Import;

/// <summary>The import through the real pages and a real SQLite database, with the DfE's real files.</summary>
public sealed class DfeImportTests(ImportAppFactory factory) : IClassFixture<ImportAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Actuals, int Comparators, int Audit)> CountsAsync() => factory.WithDbAsync(async db =>
        (await db.MeasureActuals.CountAsync(Ct), await db.MeasureComparators.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));

    private string[] PendingFiles()
    {
        var folder = Path.Combine(factory.DataDirectory, "measure-imports");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal)] : [];
    }

    [Fact]
    public async Task Import_ReferralsFileForDudley_WritesItsFiguresAndTheComparatorsReadBackFromTheDatabase()
    {
        var measureId = await factory.CreateDfeMeasureAsync("DFE-REREF-1");
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var rows = PublishedFiles.Rows(PublishedFiles.ReferralsPath);
        var neighbours = PublishedFiles.NeighboursOf("332");
        var neighbourValues = neighbours.Select(c => PublishedFiles.Value(rows, "Local authority", "2025", "old_la_code", c, "rereferral_percent")!.Value).ToList();

        var preview = await client.UploadAndChooseAsync(measureId, "rereferral_percent");
        using var confirmed = await client.ConfirmAsync(preview);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/measures/import", confirmed.Headers.Location!.OriginalString);
        var measure = await factory.MeasureAsync(measureId);
        var year2025 = new MeasurePeriod(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31));
        var actual = measure.Actuals.Single(a => a.Period == year2025);
        Assert.Equal((22.5m, ImportAppFactory.PublishedOn, "2024-25"), (actual.Value, actual.AsAt, actual.PeriodLabel));
        Assert.Equal(rows.Count(r => r["new_la_code"] == "E08000027"), measure.Actuals.Count);

        MeasureComparator Comparator(ComparatorKind kind) =>
            measure.Comparators.Single(c => c.Kind == kind && c.PeriodStart == year2025.Start && c.PeriodEnd == year2025.End);
        Assert.Equal(("England", 22.6m), (Comparator(ComparatorKind.England).Name, Comparator(ComparatorKind.England).Value));
        Assert.Equal(("West Midlands", PublishedFiles.Value(rows, "Regional", "2025", "region_code", "E12000005", "rereferral_percent")),
            (Comparator(ComparatorKind.Region).Name, (decimal?)Comparator(ComparatorKind.Region).Value));
        var average = Comparator(ComparatorKind.StatisticalNeighbours);
        Assert.Equal(Math.Round(neighbourValues.Sum() / neighbourValues.Count, 1, MidpointRounding.AwayFromZero), average.Value);
        Assert.Equal(10, average.NeighbourCount);
        Assert.Contains("10 of 10 statistical neighbours", average.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothing()
    {
        var measureId = await factory.CreateDfeMeasureAsync("DFE-REREF-2");
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using (await client.ConfirmAsync(await client.UploadAndChooseAsync(measureId, "rereferral_percent")))
        {
        }

        var before = await CountsAsync();
        var valuesBefore = (await factory.MeasureAsync(measureId)).Comparators.Select(c => (c.Kind, c.PeriodStart, c.Value, c.Version)).Order().ToList();

        var preview = await client.UploadAndChooseAsync(measureId, "rereferral_percent");
        var page = await client.GetDocumentAsync(preview);
        using var again = await client.ConfirmAsync(preview);

        Assert.StartsWith("Nothing:", page.QuerySelector("[data-testid=change-summary]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(valuesBefore, (await factory.MeasureAsync(measureId)).Comparators.Select(c => (c.Kind, c.PeriodStart, c.Value, c.Version)).Order().ToList());
    }

    [Fact]
    public async Task Import_FigureHeldWithAnotherValue_IsACorrectionForDfeRevisionAndAudited()
    {
        var year2025 = new MeasurePeriod(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31));
        var measureId = await factory.CreateDfeMeasureAsync("DFE-REREF-3",
            m => m.RecordActual(year2025, 21.0m, "From the council's own return", isProvisional: true, new DateOnly(2025, 5, 1), null, "Performance team"));
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);

        var preview = await client.UploadAndChooseAsync(measureId, "rereferral_percent");
        var page = await client.GetDocumentAsync(preview);
        using var confirmed = await client.ConfirmAsync(preview);

        var row = page.QuerySelectorAll("[data-testid=actuals] tbody tr").Single(r => r.TextContent.Contains("2024-25", StringComparison.Ordinal));
        Assert.Contains("Correction from 21 (DfE revision)", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var actual = (await factory.MeasureAsync(measureId)).Actuals.Single(a => a.Period == year2025);
        Assert.Equal((22.5m, "DfE revision", false), (actual.Value, actual.CorrectionReason, actual.IsProvisional));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(MeasureActual) && e.EntityKey == actual.Id.ToString(CultureInfo.InvariantCulture) && e.Operation == "Modified")
            .ToListAsync(Ct));
        var entry = Assert.Single(audit);
        Assert.Contains("DfE revision", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("22.5", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_NeighbourSuppressed_SaysTheAverageCoversNineOfTenAndListsTheSkippedRow()
    {
        var measureId = await factory.CreateDfeMeasureAsync("DFE-NFA");
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        var page = await client.GetDocumentAsync(await client.UploadAndChooseAsync(measureId, "no_further_action_percent"));

        var average = page.QuerySelectorAll("[data-testid=comparators] tbody tr")
            .Single(r => r.TextContent.Contains("2020-21", StringComparison.Ordinal) && r.TextContent.Contains("Statistical neighbours", StringComparison.Ordinal));
        Assert.Contains("covers 9 of 10 neighbours", average.TextContent, StringComparison.Ordinal);
        var skipped = page.QuerySelectorAll("[data-testid=skipped] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(skipped, s => s.Contains("Reporting year 2021", StringComparison.Ordinal)
            && s.Contains("Suppressed to protect confidentiality (c); left out of the statistical neighbours’ average.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_FileInAnotherLayout_RefusedWithAMessageAndNothingWritten()
    {
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var before = await CountsAsync();
        var pendingBefore = PendingFiles();

        using var response = await client.UploadAsync((PublishedFiles.GroupingsFileName, ImportTestSupport.Groupings));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = FormPosting.Errors(await Users.ParseAsync(response));
        Assert.StartsWith("The file is not in the DfE’s tidy layout: it has no ‘time_period’, ‘time_identifier’", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(pendingBefore, PendingFiles());
    }

    [Theory]
    [InlineData(null, "Select a DfE statistics file")]
    [InlineData("figures.xlsx", "The selected file must be a CSV file")]
    [InlineData("empty.csv", "The selected file is empty")]
    public async Task Upload_NoFileOrNotCsv_RefusedWithTheGovUkMessage(string? fileName, string message)
    {
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        byte[] content = fileName == "empty.csv" ? [] : ImportTestSupport.Referrals;

        using var response = await client.UploadAsync(fileName is null ? null : (fileName, content));

        Assert.Equal([message], FormPosting.Errors(await Users.ParseAsync(response)));
    }

    [Fact]
    public async Task Upload_FileOfExactlyTheLimit_Passes_OneByteMore_Refused()
    {
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var atLimit = ImportTestSupport.Referrals.Concat("\n"u8.ToArray()).ToArray();
        var overLimit = atLimit.Concat("\n"u8.ToArray()).ToArray();
        Assert.Equal(ImportAppFactory.Limit, atLimit.Length);

        using var passed = await client.UploadAsync(("at-limit.csv", atLimit));
        using var refused = await client.UploadAsync(("over-limit.csv", overLimit));

        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        var error = Assert.Single(FormPosting.Errors(await Users.ParseAsync(refused)));
        Assert.StartsWith("The selected file must be smaller than", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NotUtf8Text_Refused()
    {
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var binary = Encoding.UTF8.GetBytes("time_period,").Concat(new byte[] { 0, 0xFF, 0xFE }).ToArray();

        using var response = await client.UploadAsync(("figures.csv", binary));

        Assert.Equal(["The selected file must be a CSV file saved as UTF-8 text"], FormPosting.Errors(await Users.ParseAsync(response)));
    }

    [Fact]
    public async Task Choose_NothingChosen_ShowsEachMessageByItsField()
    {
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        using var uploaded = await client.UploadAsync((PublishedFiles.ReferralsFileName, ImportTestSupport.Referrals));

        using var response = await client.PostFormAsync(uploaded.Headers.Location!.OriginalString, ("Indicator", ""));

        Assert.Equal(
            ["Select the column of figures to import", "Select the measure these figures are for", "Enter the date the DfE published the file"],
            FormPosting.Errors(await Users.ParseAsync(response)));
    }

    [Fact]
    public async Task Choose_PublishedBeforeTheLatestPeriodEnded_Refused()
    {
        var measureId = await factory.CreateDfeMeasureAsync("DFE-REREF-EARLY");
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        using var uploaded = await client.UploadAsync((PublishedFiles.ReferralsFileName, ImportTestSupport.Referrals));

        using var response = await client.PostFormAsync(uploaded.Headers.Location!.OriginalString,
            ("Indicator", "rereferral_percent"), ("MeasureId", measureId.ToString(CultureInfo.InvariantCulture)),
            ("PublishedOn.Day", "1"), ("PublishedOn.Month", "3"), ("PublishedOn.Year", "2025"));

        Assert.Equal(["The file has figures for periods up to 31 March 2025, so the date the DfE published it must be after that"],
            FormPosting.Errors(await Users.ParseAsync(response)));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.CommitteeClerk)]
    public async Task ImportPages_OtherRoles_AreForbidden(string role)
    {
        using var client = await factory.SignedInClientAsync(role);
        var before = await CountsAsync();

        using var get = await client.GetAsync(new Uri("/measures/import", UriKind.Relative), Ct);
        using var post = await client.UploadAsync((PublishedFiles.ReferralsFileName, ImportTestSupport.Referrals));
        using var typed = await client.GetAsync(new Uri($"/measures/import/{Guid.NewGuid():N}/preview", UriKind.Relative), Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [get.StatusCode, post.StatusCode, typed.StatusCode]);
        Assert.Equal(before.Actuals, (await CountsAsync()).Actuals);
    }

    [Fact]
    public async Task PendingImport_AnotherOfficersTypedUrl_IsNotFoundAndCannotBeConfirmed()
    {
        var measureId = await factory.CreateDfeMeasureAsync("DFE-REREF-4");
        using var owner = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        using var other = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var preview = await owner.UploadAndChooseAsync(measureId, "rereferral_percent");
        var before = await CountsAsync();

        using var opened = await other.GetAsync(new Uri(preview, UriKind.Relative), Ct);
        using var confirmed = await other.PostFormAsync(preview.Replace("/preview", "/confirm", StringComparison.Ordinal), ("fingerprint", "x"));

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirmed.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Confirm_WithAStaleFingerprint_WritesNothingAndShowsThePreviewAgain()
    {
        var measureId = await factory.CreateDfeMeasureAsync("DFE-REREF-5");
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var preview = await client.UploadAndChooseAsync(measureId, "rereferral_percent");
        var before = await CountsAsync();

        using var response = await client.PostFormAsync(preview.Replace("/preview", "/confirm", StringComparison.Ordinal), ("fingerprint", "stale"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Users.ParseAsync(response)).QuerySelector("[data-testid=changed-warning]"));
        Assert.Equal(before, await CountsAsync());
    }
}
