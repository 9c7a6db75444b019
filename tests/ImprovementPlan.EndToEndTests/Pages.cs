using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>What the journeys do on every page: check accessibility and keep a screenshot.</summary>
public static class Pages
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Runs axe-core with the WCAG 2.2 AA rules (none switched off) and fails on any violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HostFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
        var result = await page.RunAxe(Wcag22AA);
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {name} ({page.Url}):\n" + string.Join("\n", violations));
    }

    public static async Task SignInAsync(this IPage page, string email, string password = HostFixture.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { Timeout = 30000 });
        }
        catch (TimeoutException)
        {
            var body = await page.Locator("main").InnerTextAsync();
            Assert.Fail($"Sign-in as {email} did not leave the sign-in page ({page.Url}): {body}");
        }
    }
}
