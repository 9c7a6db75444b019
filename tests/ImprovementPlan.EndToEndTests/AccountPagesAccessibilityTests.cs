using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>The password, email settings and outbox pages, and their error states, pass axe-core's WCAG 2.2 AA rules.</summary>
public sealed class AccountPagesAccessibilityTests(HostFixture host)
{
    [Fact]
    public async Task SignedOutPasswordPages_AndTheirErrors_AreAccessible()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByTestId("forgot-password").ClickAsync();
        await page.AssertAccessibleAsync("signed-out-forgot-password");

        await page.GetByTestId("send-reset-link").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("signed-out-forgot-password-errors");

        await page.GetByLabel("Email address").FillAsync("nobody@demo.test");
        await page.GetByTestId("send-reset-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-link-sent")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("signed-out-reset-link-sent");

        await page.GotoAsync("/account/reset-password?user=nobody&token=broken");
        await Assertions.Expect(page.GetByTestId("link-not-valid")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("signed-out-link-not-valid");

        string link;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("board@demo.test"))!;
            var token = await users.GenerateUserTokenAsync(user, PasswordResetTokenProvider.Name, UserManager<ApplicationUser>.ResetPasswordTokenPurpose);
            link = Web.Features.Account.PasswordLinkEmailsService.ResetLink(user.Id, token);
        }

        await page.GotoAsync(link);
        await page.AssertAccessibleAsync("signed-out-reset-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("signed-out-reset-password-errors");
    }

    [Fact]
    public async Task SignedInAccountPages_AndTheirErrors_AreAccessible()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("head.of.service@demo.test");

        await page.GotoAsync("/account/email-settings");
        await page.AssertAccessibleAsync("head-of-service-email-settings");

        await page.GotoAsync("/account/change-password");
        await page.AssertAccessibleAsync("head-of-service-change-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("head-of-service-change-password-errors");
    }

    [Fact]
    public async Task OutboxAndUserPages_AreAccessible()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("admin@demo.test");

        foreach (var show in new[] { "pending", "failed", "sent" })
        {
            await page.GotoAsync("/admin/outbox?show=" + show);
            await page.AssertAccessibleAsync("admin-outbox-" + show);
        }

        await page.GotoAsync("/admin/users");
        await page.Locator("[data-testid=users] a").First.ClickAsync();
        await page.AssertAccessibleAsync("admin-user-with-reset-link");
    }
}
