using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>The performance officer's month's return, in a real browser: enter figures, see a wrong one refused, see the rating change.</summary>
public sealed class MeasureFiguresJourneyTests(HostFixture host)
{
    private const string Supervision = "[data-testid=measure-row][data-code=CASE-SUPERVISION-1-MONTH]";

    [Fact]
    public async Task PerformanceOfficer_EntersFebruarysFigures_AndSeesTheRatingChange()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("performance@demo.test");

        // Before: case supervision's only figure is its November 2020 baseline.
        await page.GotoAsync("/measures");
        await page.AssertAccessibleAsync("measures");
        await Assertions.Expect(page.Locator($"{Supervision} [data-testid=measure-rag] .app-rag")).ToHaveTextAsync("Not rated");

        await page.GotoAsync("/measures/figures?period=2021-02");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter figures for February 2021");
        await page.AssertAccessibleAsync("measures-figures");
        var supervision = page.Locator("[data-testid=grid-row][data-code=CASE-SUPERVISION-1-MONTH] input[name$='.Value']");
        var assessments = page.Locator("[data-testid=grid-row][data-code=ASSESS-NEW-45WD] input[name$='.Value']");
        await supervision.FillAsync("72");
        await assessments.FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figures" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=error-summary]"))
            .ToContainTextAsync("The figure for New assessments authorised within 45 working days must be a percentage between 0 and 100");
        await page.AssertAccessibleAsync("measures-figures-errors");

        await page.Locator("[data-testid=grid-row][data-code=ASSESS-NEW-45WD] input[name$='.Value']").FillAsync("71");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figures" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("2 figures for February 2021 saved");

        await page.GotoAsync("/measures");
        await Assertions.Expect(page.Locator($"{Supervision} [data-testid=measure-rag] .app-rag")).ToHaveTextAsync("Green");
        await Assertions.Expect(page.Locator($"{Supervision} [data-testid=latest-value]")).ToHaveTextAsync("72%");

        await page.Locator($"{Supervision} a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rating-reason]")).ToContainTextAsync("72% in February 2021. The target from February 2021 is 70%");
        await page.AssertAccessibleAsync("measure");
    }
}
