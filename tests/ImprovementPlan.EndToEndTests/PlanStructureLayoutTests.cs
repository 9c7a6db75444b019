using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The plan structure page on a phone: each workstream, priority, source review and stage is a stacked
/// row, so the page does not scroll sideways at 375 px. An administrator of the test's own is used, whose
/// current plan is the seeded one whatever other tests switch to.
/// </summary>
public sealed class PlanStructureLayoutTests(HostFixture host)
{
    [Fact]
    public async Task PlanStructure_At375_StacksEachRow_WithoutSidewaysScrolling()
    {
        var email = $"structure-admin-{Guid.NewGuid():N}@test.invalid";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Structure Administrator" };
            Assert.True((await users.CreateAsync(admin, HostFixture.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
        }

        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.SignInAsync(email);
        await page.GotoAsync("/plan-structure");

        var priorities = page.Locator("[data-testid=priorities] tbody tr");
        Assert.True(await priorities.CountAsync() >= 7);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The plan structure page is {scrollWidth} px wide at 375 px.");

        // Every part of a priority's row, down to its last button, is within the screen's width.
        foreach (var part in new[] { "th", "[data-label=Status] strong", "a", "button >> nth=-1" })
        {
            var cell = priorities.Nth(1).Locator(part).First;
            await cell.ScrollIntoViewIfNeededAsync();
            var box = await cell.BoundingBoxAsync() ?? throw new InvalidOperationException($"{part} is not shown.");
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"{part} runs from {box.X} to {box.X + box.Width} px.");
        }

        await page.AssertAccessibleAsync("plan-structure-375");
    }
}
