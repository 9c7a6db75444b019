using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// Every page of the service, as the role that uses it, and every form's error state, checked with
/// axe-core's WCAG 2.2 AA rules and kept as a screenshot.
/// </summary>
public sealed partial class PageSweepTests(HostFixture host)
{
    [Theory]
    [InlineData("director@demo.test", "/priorities")]
    [InlineData("director@demo.test", "/priorities/2")]
    [InlineData("director@demo.test", "/actions")]
    [InlineData("director@demo.test", "/actions?workstream=QP&sort=due&dir=desc")]
    [InlineData("director@demo.test", "/actions/QP21")]
    [InlineData("director@demo.test", "/actions/QP21/ratings")]
    [InlineData("director@demo.test", "/actions/QP21/due-date")]
    [InlineData("director@demo.test", "/due-date-changes")]
    [InlineData("director@demo.test", "/approvals")]
    [InlineData("director@demo.test", "/audit")]
    [InlineData("director@demo.test", "/updates/mine")]
    [InlineData("admin@demo.test", "/admin/users")]
    [InlineData("admin@demo.test", "/admin/backups")]
    [InlineData("admin@demo.test", "/admin/users/new")]
    [InlineData("admin@demo.test", "/actions/new")]
    [InlineData("admin@demo.test", "/actions/QP21/edit")]
    [InlineData("clerk@demo.test", "/reports")]
    [InlineData("clerk@demo.test", "/reports/new")]
    [InlineData("head.of.service@demo.test", "/priorities/2/updates/new")]
    [InlineData("board@demo.test", "/reports")]
    [InlineData("board@demo.test", "/actions/E57")]
    public async Task Page_IsAccessible(string email, string path)
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(email);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(Name(email, path));
    }

    [Theory]
    [InlineData("admin@demo.test", "/actions/new", "Add action")]
    [InlineData("admin@demo.test", "/admin/users/new", "Add user")]
    [InlineData("director@demo.test", "/actions/QP21/due-date", "")]
    [InlineData("head.of.service@demo.test", "/priorities/2/updates/new", "Save as draft")]
    public async Task FormErrorState_IsAccessible(string email, string path, string button)
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync(path);

        var submit = button.Length == 0
            ? page.Locator("main form button[type=submit]").First
            : page.Locator("main form button[type=submit]", new() { HasText = button }).First;
        await submit.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=error-summary]").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(Name(email, path) + "-errors");
    }

    [Fact]
    public async Task ReportPages_AreAccessible()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("clerk@demo.test");
        await page.GotoAsync("/reports");
        var links = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var reportPath = Assert.Single(links.Where(l => ReportPath().IsMatch(l)).Distinct().Take(1));
        await page.GotoAsync(reportPath);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Multi-Agency Safeguarding Hub");
        await page.AssertAccessibleAsync("clerk-report-preview");

        await page.GotoAsync(reportPath + "/versions");
        await page.AssertAccessibleAsync("clerk-report-versions");

        await page.GotoAsync(reportPath + "/sections/purpose/edit");
        await page.AssertAccessibleAsync("clerk-report-section-edit");

        // Publish, then read the published version in the browser, as a councillor would.
        await page.GotoAsync(reportPath);
        await page.GetByTestId("publish").ClickAsync();
        await page.AssertAccessibleAsync("clerk-report-confirm-publish");
        // The check before publishing lists what looks unfinished; the clerk confirms it has been read.
        if (await page.Locator("#confirmUnfinished").CountAsync() > 0)
        {
            await page.CheckAsync("#confirmUnfinished");
        }

        await page.GetByTestId("confirm-publish").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification]")).ToBeVisibleAsync();
        await page.GotoAsync(reportPath + "/versions/1");
        await Assertions.Expect(page.GetByTestId("published-body")).ToContainTextAsync("Multi-Agency Safeguarding Hub");
        await page.AssertAccessibleAsync("clerk-report-published-version");
    }

    private static string Name(string email, string path) =>
        email.Split('@')[0] + "-" + NotWordCharacters().Replace(path.Trim('/'), "-");

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotWordCharacters();

    [GeneratedRegex(@"^/reports/\d+$")]
    private static partial Regex ReportPath();
}
