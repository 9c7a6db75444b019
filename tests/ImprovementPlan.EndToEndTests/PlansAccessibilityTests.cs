using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The plans and plan structure pages, and the hand-over step, with their error states, pass axe-core's
/// WCAG 2.2 AA rules, at 1280 and 375 pixels wide. An administrator of the test's own is used, so that
/// the plan they switch to is nobody else's current plan.
/// </summary>
public sealed class PlansAccessibilityTests(HostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanPages_CreateStructureCopyArchiveAndHandOver_AreAccessible()
    {
        var email = $"plans-admin-{Guid.NewGuid():N}@test.invalid";
        int seededPlanId;
        string headId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Plans Administrator" };
            Assert.True((await users.CreateAsync(admin, HostFixture.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
            seededPlanId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            headId = await db.Users.Where(u => u.Email == "head.of.service@demo.test").Select(u => u.Id).SingleAsync(Ct);
        }

        var page = await host.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync("/plans");
        await page.AssertAccessibleAsync("plans");
        await NarrowAsync(page, "plans");

        await page.GotoAsync($"/plans/{seededPlanId}/copy");
        await page.AssertAccessibleAsync("plans-copy");

        await page.GotoAsync("/plans/new");
        await page.AssertAccessibleAsync("plans-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Enter a title for the plan");
        await page.AssertAccessibleAsync("plans-new-errors");

        var title = $"Accessible plan {Guid.NewGuid():N}"[..28];
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Organisation").FillAsync("Dudley Metropolitan Borough Council");
        await FillDateAsync(page, "PeriodStart", "1", "4", "2021");
        await FillDateAsync(page, "PeriodEnd", "31", "3", "2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Plan structure");
        await Assertions.Expect(page.Locator("[data-testid=current-plan]")).ToContainTextAsync(title);
        await page.AssertAccessibleAsync("plan-structure-empty");

        await page.GotoAsync("/plan-structure/workstreams/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save workstream" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Enter a code for the workstream");
        await page.AssertAccessibleAsync("plan-structure-workstream-errors");
        foreach (var (code, name) in new[] { ("LG", "Leadership and Governance"), ("QP", "Quality of Practice") })
        {
            await page.GotoAsync("/plan-structure/workstreams/new");
            await page.GetByLabel("Code").FillAsync(code);
            await page.GetByLabel("Name").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save workstream" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=notification], .govuk-notification-banner").First).ToContainTextAsync($"Workstream {code} saved");
        }

        await page.GotoAsync("/plan-structure/priorities/new");
        await page.AssertAccessibleAsync("plan-structure-priority");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();
        await page.AssertAccessibleAsync("plan-structure-priority-errors");
        await page.GetByLabel("Number").FillAsync("1");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Leadership");
        await page.GetByLabel("What needs to improve").FillAsync("Senior leaders know their services well.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();

        await page.GotoAsync("/plan-structure/source-reviews/new");
        await page.AssertAccessibleAsync("plan-structure-source-review");
        await page.GotoAsync("/plan-structure/stages/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save stage" }).ClickAsync();
        await page.AssertAccessibleAsync("plan-structure-stage-errors");

        await page.GotoAsync("/plan-structure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move down workstream LG" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=workstreams] tbody tr").First).ToContainTextAsync("QP");
        await page.AssertAccessibleAsync("plan-structure");
        await NarrowAsync(page, "plan-structure");

        await page.GotoAsync($"/admin/users/{headId}/hand-over");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand over and deactivate" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Select the person who takes over");
        await page.AssertAccessibleAsync("users-hand-over-errors");

        await page.GotoAsync("/plans");
        await page.Locator("[data-testid=plans] a[href$='/archive']").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Confirm that the plan will no longer change");
        await page.AssertAccessibleAsync("plans-archive-errors");

        await page.GotoAsync("/actions");
        await page.AssertAccessibleAsync("actions-person-filter");
    }

    private static async Task FillDateAsync(IPage page, string field, string day, string month, string year)
    {
        await page.Locator($"[name='{field}.Day']").FillAsync(day);
        await page.Locator($"[name='{field}.Month']").FillAsync(month);
        await page.Locator($"[name='{field}.Year']").FillAsync(year);
    }

    /// <summary>The same page on a phone's width: checked again, and kept as a screenshot.</summary>
    private static async Task NarrowAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(375, 800);
        await page.AssertAccessibleAsync(name + "-375");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
