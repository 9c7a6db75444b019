using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures;

/// <summary>The month's return: every figure a data owner owes for a month, in one form. "Today" is 1 March 2021.</summary>
public sealed class MeasureGridTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Id(Measure m) => m.Id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Post_SeveralFigures_SavesThemAll_AndSkipsBlankRows()
    {
        var owner = await factory.CreateAsync(Roles.HeadOfService);
        var percent = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        var count = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id, Unit = MeasureUnit.Count, Polarity = Domain.Rag.Polarity.Neutral });
        var skipped = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        using var client = await factory.ClientForAsync(owner);

        var page = await client.GetDocumentAsync("/measures/figures?period=2021-02");
        Assert.Equal("Enter figures for February 2021", page.QuerySelector("h1")!.TextContent);
        Assert.Equal([percent.Code, count.Code, skipped.Code], page.QuerySelectorAll("[data-testid=grid-row]").Select(r => r.GetAttribute("data-code")));

        using var response = await client.PostFormAsync("/measures/figures", ("Month", "2021-02"),
            ("Rows[0].MeasureId", Id(percent)), ("Rows[0].Value", "81"), ("Rows[0].IsProvisional", "true"),
            ("Rows[1].MeasureId", Id(count)), ("Rows[1].Value", "1,204"),
            ("Rows[2].MeasureId", Id(skipped)), ("Rows[2].Value", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.MeasureActuals
            .Where(a => a.MeasureId == percent.Id || a.MeasureId == count.Id || a.MeasureId == skipped.Id).OrderBy(a => a.MeasureId).ToListAsync(Ct));
        Assert.Equal([(percent.Id, 81m, true), (count.Id, 1204m, false)], saved.Select(a => (a.MeasureId, a.Value, a.IsProvisional)));
        Assert.All(saved, a => Assert.Equal((new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 28), new DateOnly(2021, 3, 1)), (a.PeriodStart, a.PeriodEnd, a.AsAt)));
        var after = await client.GetDocumentAsync("/measures/figures?period=2021-02");
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=existing]").Length);
    }

    [Fact]
    public async Task Post_OneInvalidRow_SavesNothing_AndShowsTheErrorOnItsRow()
    {
        var owner = await factory.CreateAsync(Roles.Viewer);
        var first = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        var second = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        using var client = await factory.ClientForAsync(owner);

        using var response = await client.PostFormAsync("/measures/figures", ("Month", "2021-02"),
            ("Rows[0].MeasureId", Id(first)), ("Rows[0].Value", "81"),
            ("Rows[1].MeasureId", Id(second)), ("Rows[1].Value", "181"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        var message = $"The figure for {second.Name} must be a percentage between 0 and 100";
        Assert.Contains(message, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector("#Rows_1__Value-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("81", page.QuerySelector("#Rows_0__Value")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.MeasureActuals.AnyAsync(a => a.MeasureId == first.Id || a.MeasureId == second.Id, Ct)));
    }

    [Fact]
    public async Task Post_NothingTyped_AsksForAFigure()
    {
        var owner = await factory.CreateAsync(Roles.Viewer);
        var measure = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        using var client = await factory.ClientForAsync(owner);

        using var response = await client.PostFormAsync("/measures/figures", ("Month", "2021-02"), ("Rows[0].MeasureId", Id(measure)), ("Rows[0].Value", ""));

        var page = await Users.ParseAsync(response);
        Assert.Contains("Enter at least one figure", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Quarterly_AppearsInTheMonthItsQuarterEnds()
    {
        var owner = await factory.CreateAsync(Roles.Viewer);
        var quarterly = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id, Frequency = MeasureFrequency.Quarterly });
        using var client = await factory.ClientForAsync(owner);

        var december = await client.GetDocumentAsync("/measures/figures?period=2020-12");
        var january = await client.GetDocumentAsync("/measures/figures?period=2021-01");

        Assert.Contains("Q3 2020-21 (October to December 2020)", december.QuerySelector($"[data-code={quarterly.Code}]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(january.QuerySelector($"[data-code={quarterly.Code}]"));
    }
}
