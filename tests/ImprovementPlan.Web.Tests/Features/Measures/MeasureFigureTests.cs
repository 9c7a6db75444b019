using System.Net;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures;

/// <summary>Entering, validating and correcting figures on a measure's page, and who may. "Today" is 1 March 2021.</summary>
public sealed class MeasureFigureTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (string, string)[] Figure(string period, string value, string asAt = "") =>
    [
        ("Period", period), ("Value", value), ("AsAt.Day", asAt.Length == 0 ? "" : asAt.Split('-')[2]),
        ("AsAt.Month", asAt.Length == 0 ? "" : asAt.Split('-')[1]), ("AsAt.Year", asAt.Length == 0 ? "" : asAt.Split('-')[0]), ("Note", ""),
    ];

    [Fact]
    public async Task Post_ValidFigure_AsPerformanceOfficer_IsSavedWithItsPeriodAndAsAtDate()
    {
        var measure = await factory.CreateMeasureAsync();
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/figures", Figure("2021-01-01", "72", "2021-02-10"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.MeasureActuals.SingleAsync(a => a.MeasureId == measure.Id, Ct));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31), 72m, new DateOnly(2021, 2, 10), "January 2021"),
            (saved.PeriodStart, saved.PeriodEnd, saved.Value, saved.AsAt, saved.PeriodLabel));
        var page = await client.GetDocumentAsync($"/measures/{measure.Id}");
        Assert.Equal("72%", page.QuerySelector("[data-testid=figure-value]")!.TextContent);
    }

    public static TheoryData<string, string, string, string> InvalidFigures => new()
    {
        { "2021-01-01", "", "Value", "Enter the figure" },
        { "2021-01-01", "lots", "Value", "The figure must be a number" },
        { "2021-01-01", "101", "Value", "The figure must be a percentage between 0 and 100" },
        { "2021-01-01", "-1", "Value", "The figure must be a percentage between 0 and 100" },
        { "2021-01-01", "72.5", "Value", "The figure must be a whole number" },
        { "", "72", "Period", "Select the period the figure is for" },
        { "2021-01-15", "72", "Period", "The period must be one calendar month" },
        { "2021-04-01", "72", "Period", "The period cannot be in the future" },
    };

    [Theory]
    [MemberData(nameof(InvalidFigures))]
    public async Task Post_InvalidFigure_ShowsTheGovUkMessageByTheFieldAndSavesNothing(string period, string value, string field, string message)
    {
        var measure = await factory.CreateMeasureAsync();
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/figures", Figure(period, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.MeasureActuals.AnyAsync(a => a.MeasureId == measure.Id, Ct)));
    }

    [Fact]
    public async Task Post_AsAtDateInTheFuture_IsRefused()
    {
        var measure = await factory.CreateMeasureAsync();
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/figures", Figure("2021-01-01", "72", "2021-03-02"));

        var page = await Users.ParseAsync(response);
        Assert.Contains("The date the figure was produced must be today or in the past", page.QuerySelector("#AsAt-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SecondFigureForTheSamePeriod_SaysToCorrectTheExistingOne()
    {
        var measure = await factory.CreateMeasureAsync(arrange: m =>
            m.RecordActual(new MeasurePeriod(new(2021, 1, 1), new(2021, 1, 31)), 70m, null, false, new DateOnly(2021, 2, 5), null, "Test"));
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/figures", Figure("2021-01-01", "75"));

        var page = await Users.ParseAsync(response);
        Assert.Equal("There is already a figure for January 2021. Correct that figure instead of adding another",
            page.QuerySelector("#Period-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal([70m], await factory.WithDbAsync(db => db.MeasureActuals.Where(a => a.MeasureId == measure.Id).Select(a => a.Value).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Post_Correction_NeedsAReason_ThenKeepsItInTheAuditAndTheHistory()
    {
        var measure = await factory.CreateMeasureAsync(arrange: m =>
            m.RecordActual(new MeasurePeriod(new(2021, 1, 1), new(2021, 1, 31)), 70m, null, false, new DateOnly(2021, 2, 5), null, "Test"));
        var figure = await factory.WithDbAsync(db => db.MeasureActuals.SingleAsync(a => a.MeasureId == measure.Id, Ct));
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var path = $"/measures/{measure.Id}/figures/{figure.Id}/correct";
        (string, string)[] fields = [("Value", "73"), ("Version", figure.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Note", "")];

        using var withoutReason = await client.PostFormAsync(path, [.. fields, ("Reason", "")]);
        var page = await Users.ParseAsync(withoutReason);
        Assert.Contains("Enter why you are correcting the figure", page.QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);

        using var corrected = await client.PostFormAsync(path, [.. fields, ("Reason", "Revised after the data was validated")]);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var key = figure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "MeasureActual" && e.EntityKey == key && e.Operation == "Modified").SingleAsync(Ct));
        Assert.Contains("Revised after the data was validated", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("\"Old\":\"70", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("\"New\":\"73", audit.Changes, StringComparison.Ordinal);
        var history = (await client.GetDocumentAsync($"/measures/{measure.Id}")).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Figure corrected", history, StringComparison.Ordinal);
        Assert.Contains("Revised after the data was validated", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SeededMeasure_ChangeHistoryReadsInWordsAndUkDates()
    {
        var id = await factory.WithDbAsync(db => db.Measures.Where(m => m.Code == "CASE-SUPERVISION-1-MONTH").Select(m => m.Id).SingleAsync(Ct));
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var history = (await client.GetDocumentAsync($"/measures/{id}")).QuerySelector("[data-testid=history]")!.TextContent;

        Assert.Contains("30 November 2020", history, StringComparison.Ordinal);
        Assert.DoesNotContain("11/30/2020", history, StringComparison.Ordinal);
        Assert.Contains("Higher is better", history, StringComparison.Ordinal);
        Assert.DoesNotContain("HigherIsBetter", history, StringComparison.Ordinal);
        Assert.DoesNotContain("BaselinePeriodEnd", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.CommitteeClerk)]
    public async Task Post_Figure_ByTheDataOwnerOfAnyRole_IsSaved(string role)
    {
        var owner = await factory.CreateAsync(role);
        var measure = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        using var client = await factory.ClientForAsync(owner);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/figures", Figure("2021-02-01", "64"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.MeasureActuals.AnyAsync(a => a.MeasureId == measure.Id && a.Value == 64m, Ct)));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.CommitteeClerk)]
    public async Task Post_Figure_BySomeoneWhoIsNotTheOwner_ReturnsForbidden_AlsoForTypedUrls(string role)
    {
        var owner = await factory.CreateAsync(Roles.Viewer);
        var measure = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id }, m =>
            m.RecordActual(new MeasurePeriod(new(2021, 1, 1), new(2021, 1, 31)), 70m, null, false, new DateOnly(2021, 2, 5), null, "Test"));
        var figure = await factory.WithDbAsync(db => db.MeasureActuals.SingleAsync(a => a.MeasureId == measure.Id, Ct));
        using var client = await factory.SignedInClientAsync(role);

        using var record = await client.PostFormAsync($"/measures/{measure.Id}/figures", Figure("2021-02-01", "64"));
        using var correctPage = await client.GetAsync(new Uri($"/measures/{measure.Id}/figures/{figure.Id}/correct", UriKind.Relative), Ct);
        using var correct = await client.PostFormAsync($"/measures/{measure.Id}/figures/{figure.Id}/correct", ("Value", "1"), ("Reason", "x"));
        using var grid = await client.GetAsync(new Uri("/measures/figures", UriKind.Relative), Ct);
        using var gridPost = await client.PostFormAsync("/measures/figures", ("Month", "2021-02"), ("Rows[0].MeasureId", measure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Rows[0].Value", "64"));
        var page = await client.GetDocumentAsync($"/measures/{measure.Id}");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { record.StatusCode, correctPage.StatusCode, correct.StatusCode, grid.StatusCode, gridPost.StatusCode });
        Assert.Null(page.QuerySelector("[data-testid=record-figure-form]"));
        Assert.Equal([70m], await factory.WithDbAsync(db => db.MeasureActuals.Where(a => a.MeasureId == measure.Id).Select(a => a.Value).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Get_UnknownMeasure_ReturnsNotFound()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/measures/999999", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
