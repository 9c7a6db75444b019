using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures;

/// <summary>The measures list and a measure's page, read by anyone signed in.</summary>
public sealed class MeasureListTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_List_GroupsByPriority_WithLatestFigureAndReason()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/measures");

        var contacts = page.QuerySelector("[data-testid=measure-row][data-code=MASH-CONTACTS-1WD]")!;
        Assert.Equal("76%", contacts.QuerySelector("[data-testid=latest-value]")!.TextContent);
        Assert.Equal("January 2021", contacts.QuerySelector("[data-testid=latest-period]")!.TextContent);
        Assert.Contains("no target has been set", contacts.QuerySelector("[data-testid=measure-rag]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Priority 1", page.QuerySelector("h2.govuk-heading-m")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=enter-figures-link]"));
    }

    [Fact]
    public async Task Get_Measure_ShowsBaselineTargetsWithAssumedDatesAndComparators()
    {
        var id = await factory.WithDbAsync(db => db.Measures.Where(m => m.Code == "SW-AVERAGE-CASELOAD").Select(m => m.Id).SingleAsync(Ct));
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync($"/measures/{id}");

        Assert.Equal("24.1 in December 2020", page.QuerySelector("[data-testid=baseline]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=target-row] [data-testid=date-assumed]"));
        Assert.Contains("West Midlands", page.QuerySelector("[data-testid=comparators]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=record-figure-form]"));
    }
}
