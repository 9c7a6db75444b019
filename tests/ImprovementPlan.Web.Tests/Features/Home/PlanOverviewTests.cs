using System.Globalization;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Home;

public sealed class PlanOverviewTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ShowsEachWorkstreamWithItsActionCount()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("[data-testid=workstreams-table] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Split('.')[0], r => r.QuerySelectorAll("td")[0].TextContent);
        Assert.Equal(new Dictionary<string, string> { ["LG"] = "5", ["CS"] = "6", ["QP"] = "24", ["PM"] = "12", ["E"] = "10" }, rows);
    }

    [Fact]
    public async Task Get_ShowsTheNinePrioritiesWithTheirLinkedActionCounts()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Priorities.OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title, Count = db.Actions.Count(a => a.Priorities.Any(x => x.Id == p.Id)) })
            .ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("[data-testid=priorities-table] tbody tr").ToList();
        Assert.Equal(9, rows.Count);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal($"{expected[i].Number}. {expected[i].Title}", rows[i].QuerySelector("th")!.TextContent);
            Assert.Equal(expected[i].Count.ToString(CultureInfo.InvariantCulture), rows[i].QuerySelectorAll("td")[0].TextContent);
        }
    }

    [Fact]
    public async Task Get_RagTotalsFollowTheDeliveryRulesOnTheFixedDate()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var today = DateOnly.FromDateTime(AppFactory.Now.UtcDateTime);
        var dueDates = await factory.WithDbAsync(db => db.Actions.Select(a => a.DueDate!.Value).ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/");

        // No seeded action is complete or has an approved update, so: past due is Red; due within
        // 14 days is Amber (no recent update); everything else is Green.
        int Total(string rag) => int.Parse(page.QuerySelector($"[data-testid=total-{rag}]")!.TextContent, CultureInfo.InvariantCulture);
        Assert.Equal(dueDates.Count(d => d < today), Total("red"));
        Assert.Equal(dueDates.Count(d => d >= today && d <= today.AddDays(14)), Total("amber"));
        Assert.Equal(dueDates.Count(d => d > today.AddDays(14)), Total("green"));
        Assert.Equal(0, Total("blue"));
        Assert.Equal(57, Total("red") + Total("amber") + Total("green") + Total("blue"));
    }

    [Fact]
    public async Task Get_ShowsRatingsAsWordsWithAKey()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal(["Red", "Amber", "Green", "Blue"], page.QuerySelectorAll("[data-testid=rag-totals] .app-rag").Select(e => e.TextContent));
        Assert.NotNull(page.QuerySelector("[data-testid=rag-key]"));
    }
}
