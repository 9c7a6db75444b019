using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>Every page and error state passes axe-core's WCAG 2.2 AA rules; the service works by keyboard and without JavaScript.</summary>
public sealed class AccessibilityTests(HostFixture host)
{
    [Fact]
    public async Task SignInPage_AndItsErrorState_AreAccessible()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.AssertAccessibleAsync("sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Enter your email address");
        await page.AssertAccessibleAsync("sign-in-errors");
    }

    [Fact]
    public async Task AccessibilityStatement_IsAccessible()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/accessibility");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accessibility statement for the Improvement Plan Tracker");
        await page.AssertAccessibleAsync("accessibility-statement");
    }

    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("director@demo.test")]
    [InlineData("head.of.service@demo.test")]
    [InlineData("performance@demo.test")]
    [InlineData("clerk@demo.test")]
    [InlineData("board@demo.test")]
    public async Task Dashboard_ForEachRole_IsAccessible(string email)
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync(email);

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("dashboard-" + email.Split('@')[0]);
    }

    [Fact]
    public async Task NotFoundPage_IsAccessible()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("board@demo.test");

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await page.AssertAccessibleAsync("not-found");
    }

    [Fact]
    public async Task SignIn_ByKeyboardAlone_ReachesTheDashboard()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        // The first Tab lands on the skip link, as GOV.UK pages should.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".govuk-skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 10 && !await page.Locator("#Email").EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator("#Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("board@demo.test");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(HostFixture.DemoPassword);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignInAndDashboard_WorkWithoutJavaScript()
    {
        var page = await host.NewPageAsync(javaScriptEnabled: false);

        await page.SignInAsync("director@demo.test");

        await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        // The enhancement script did not run, so the page was served and used as plain HTML.
        await Assertions.Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex("govuk-frontend-supported"));
    }
}
