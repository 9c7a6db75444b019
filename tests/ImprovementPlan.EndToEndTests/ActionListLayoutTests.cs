using System.Security.Cryptography;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The action list fits the screen: at 1280×800 the results start on the first screen with the filters
/// behind a "Filter" toggle that works without JavaScript; at 375 px each action is a stacked row whose
/// reference, due date and both ratings are in view, with no sideways scrolling.
/// </summary>
public sealed class ActionListLayoutTests(HostFixture host)
{
    [Fact]
    public async Task ActionList_At1280By800_ResultsStartOnTheFirstScreen_FiltersOpenWithoutJavaScript()
    {
        var page = await host.NewPageAsync(javaScriptEnabled: false);
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync("director@demo.test");
        await page.GotoAsync("/actions");

        var firstRow = page.Locator("[data-testid=action-row]").First;
        var box = await firstRow.BoundingBoxAsync() ?? throw new InvalidOperationException("The first row is not shown.");
        Assert.True(box.Y < 800, $"The first action starts {box.Y} px down, below the first screen.");
        await Assertions.Expect(page.GetByLabel("Workstream")).ToBeHiddenAsync();

        await page.Locator("[data-testid=filter-toggle] summary").ClickAsync();
        await page.GetByLabel("Workstream").SelectOptionAsync("QP");
        await page.Locator("[data-testid=apply-filters]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=filter-toggle] summary")).ToHaveTextAsync("Filter (1 applied)");
        await Assertions.Expect(page.Locator("[data-testid=applied-filters]")).ToContainTextAsync("Workstream");
        Assert.All(await page.Locator("[data-testid=action-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)"),
            reference => Assert.StartsWith("QP", reference, StringComparison.Ordinal));

        // axe-core runs as a script, so the same view is checked in a page with JavaScript on.
        var checker = await host.NewPageAsync();
        await checker.SetViewportSizeAsync(1280, 800);
        await checker.SignInAsync("director@demo.test");
        await checker.GotoAsync(page.Url);
        await checker.AssertAccessibleAsync("action-list-filtered-1280");
    }

    [Fact]
    public async Task ActionList_InvalidDate_OpensTheFilterToShowTheError()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("director@demo.test");
        await page.GotoAsync("/actions?DueFrom.Day=31&DueFrom.Month=2&DueFrom.Year=2021");

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=filter-toggle]")).ToHaveAttributeAsync("open", "");
        await page.AssertAccessibleAsync("action-list-filter-error");
    }

    [Fact]
    public async Task ActionList_At375_EachRowShowsReferenceDueDateAndBothRatings_WithoutSidewaysScrolling()
    {
        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.SignInAsync("director@demo.test");
        await page.GotoAsync("/actions");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth} px wide at 375 px.");

        var rows = page.Locator("[data-testid=action-row]");
        Assert.True(await rows.CountAsync() > 50);
        foreach (var index in new[] { 0, 10, 56 })
        {
            var row = rows.Nth(index);
            foreach (var part in new[] { "th a", "[data-testid=due-date]", "[data-testid=delivery-rag] .app-rag, [data-testid=delivery-rag] strong", "[data-testid=impact-rag] .app-rag, [data-testid=impact-rag] strong" })
            {
                var cell = row.Locator(part).First;
                await cell.ScrollIntoViewIfNeededAsync();
                var box = await cell.BoundingBoxAsync() ?? throw new InvalidOperationException($"Row {index}: {part} is not shown.");
                Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"Row {index}: {part} runs from {box.X} to {box.X + box.Width} px.");
            }
        }

        var dueDate = (await rows.First.Locator("[data-testid=due-date]").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ \d{4}$", dueDate);
        await page.AssertAccessibleAsync("action-list-375");
    }

    [Fact]
    public async Task PublishedVersions_At375_DoNotScrollSideways()
    {
        // A report published with a long file name and its 64-character fingerprint, the two things that
        // overflowed a phone's width.
        var reportId = await WithDbAsync(async db =>
        {
            // Other tests in this fixture add plans: use the one the clerk is working on (the seeded plan
            // unless they chose another).
            var chosen = await db.Users.Where(u => u.Email == "clerk@demo.test").Select(u => u.CurrentPlanId).SingleAsync();
            var planId = chosen ?? await db.Reports.OrderBy(r => r.Id).Select(r => r.PlanId).FirstAsync();
            var report = new Report(planId, ReportKind.BoardProgressReport, "Improvement Board report for the layout check", new DateOnly(2021, 3, 10), null);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            byte[] pdf = [.. "%PDF-1.4 layout check"u8];
            db.PublishedReports.Add(new PublishedReport(report.Id, 1, report.Title,
                "improvement-board-report-for-the-layout-check-10-march-2021-version-1.pdf", pdf,
                Convert.ToHexStringLower(SHA256.HashData(pdf)), new DateTime(2021, 3, 10, 9, 0, 0, DateTimeKind.Utc), null, "Committee Clerk", null));
            await db.SaveChangesAsync();
            return report.Id;
        });
        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.SignInAsync("clerk@demo.test");
        await page.GotoAsync($"/reports/{reportId}/versions");

        await Assertions.Expect(page.Locator("[data-testid=version-1]")).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The versions page is {scrollWidth} px wide at 375 px.");
        await page.AssertAccessibleAsync("report-versions-375");
    }

    private async Task<T> WithDbAsync<T>(Func<ImprovementPlanDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>());
    }
}
