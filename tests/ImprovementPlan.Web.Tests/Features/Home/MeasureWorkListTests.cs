using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Reports;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Home;

/// <summary>
/// The dashboard's measures work list, on 1 March 2021: figures overdue, figures due and measures off
/// track, for the performance officer (every measure) and for a data owner of any role (their own).
/// </summary>
public sealed class MeasureWorkListTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dashboard_DataOwner_SeesTheirFiguresDueOverdueAndOffTrack_LinkedToTheMeasurePages()
    {
        var owner = await factory.CreateAsync(Roles.Viewer);
        // January's figure came on 12 February; December's never did (due 20 January): overdue.
        var overdue = await factory.CreateMeasureAsync("OWN-OVERDUE", "Owned measure with December missing", dataOwnerUserId: owner.Id, build: m =>
            MeasureTestData.Record(m, 2020, 11, 70m, new DateOnly(2020, 12, 10)));
        // January's figure came; February's period has ended and its figure is due by 20 March: due.
        var due = await factory.CreateMeasureAsync("OWN-DUE", "Owned measure with February due", dataOwnerUserId: owner.Id, build: m =>
        {
            m.AddTarget(new DateOnly(2020, 12, 31), 90m, null, null, dateAssumed: false);
            MeasureTestData.Record(m, 2021, 1, 60m, new DateOnly(2021, 2, 12));
        });
        await factory.CreateMeasureAsync("NOT-OWNED", "Someone else's measure", build: m =>
            MeasureTestData.Record(m, 2020, 11, 70m, new DateOnly(2020, 12, 10)));
        using var client = factory.CreateClient();
        await client.SignInAsync(owner.Email!, Users.Password);

        var page = await client.GetDocumentAsync("/");

        var section = page.QuerySelector("[data-testid=section-measures]");
        Assert.NotNull(section);
        Assert.Equal("Your measures", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal([$"/measures/{overdue}"], Links(section, "measure-figures-overdue"));
        Assert.Contains("The figure for December 2020 was due by 20 January 2021",
            section.QuerySelector("[data-testid=items-measure-figures-overdue]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"/measures/{due}"], Links(section, "measure-figures-due"));
        Assert.Contains("The figure for February 2021 is due by 20 March 2021",
            section.QuerySelector("[data-testid=items-measure-figures-due]")!.TextContent, StringComparison.Ordinal);
        // 60% in January against 90% from December, beyond the 5-point tolerance: Red.
        Assert.Equal([$"/measures/{due}"], Links(section, "measures-off-track"));
        Assert.StartsWith("Red: 60% in January 2021", section.QuerySelector("[data-testid=items-measures-off-track] .app-secondary-text")!.TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_PerformanceOfficer_SeesEveryMeasureOfThePlan()
    {
        var id = await factory.CreateMeasureAsync("PO-OVERDUE", "Measure nobody owns, with December missing", build: m =>
            MeasureTestData.Record(m, 2020, 11, 70m, new DateOnly(2020, 12, 10)));
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);

        var page = await client.GetDocumentAsync("/");

        var section = page.QuerySelector("[data-testid=section-measures]");
        Assert.NotNull(section);
        Assert.Equal("Measures: figures and ratings", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains($"/measures/{id}", Links(section, "measure-figures-overdue"));
        var measures = await factory.WithDbAsync(db => db.Measures.CountAsync(m => m.RetiredOn == null));
        var listed = Links(section, "measure-figures-overdue").Concat(Links(section, "measure-figures-due")).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.InRange(listed.Count, 1, measures);
        Assert.All(Links(section, "measures-off-track"), href => Assert.Matches("^/measures/[0-9]+$", href));
    }

    [Fact]
    public async Task Dashboard_ViewerWhoOwnsNoMeasure_HasNoMeasuresSection()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/");

        Assert.Null(page.QuerySelector("[data-testid=section-measures]"));
        Assert.NotNull(page.QuerySelector("[data-testid=section-attention]"));
    }

    private static List<string> Links(AngleSharp.Dom.IElement section, string card) =>
        [.. section.QuerySelectorAll($"[data-testid=items-{card}] a").Select(a => a.GetAttribute("href")!)];
}
