using System.Net;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Plans;

/// <summary>Builders for the plans tests: plans made through the pages, as an administrator would.</summary>
public static class PlanTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The fields of a valid new plan, to be changed per test.</summary>
    public static Dictionary<string, string> Fields(string title) => new()
    {
        ["Title"] = title,
        ["Organisation"] = "Dudley Metropolitan Borough Council",
        ["PeriodStart.Day"] = "1",
        ["PeriodStart.Month"] = "4",
        ["PeriodStart.Year"] = "2021",
        ["PeriodEnd.Day"] = "31",
        ["PeriodEnd.Month"] = "3",
        ["PeriodEnd.Year"] = "2023",
        ["OldLaCode"] = "332",
        ["NewLaCode"] = "E08000027",
        ["RegionCode"] = "E12000005",
        ["RegionName"] = "West Midlands",
    };

    public static Task<HttpResponseMessage> PostPlanAsync(this HttpClient client, string path, IDictionary<string, string> fields) =>
        client.PostFormAsync(path, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Creates an empty plan through the page (which makes it the creator's current plan) and returns its id.</summary>
    public static async Task<int> CreatePlanAsync(this AppFactory factory, HttpClient client, string title)
    {
        using var response = await client.PostPlanAsync("/plans/new", Fields(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.PlanIdAsync(title);
    }

    /// <summary>Copies the seeded plan through the page (which makes the copy the copier's current plan) and returns its id.</summary>
    public static async Task<int> CopySeededPlanAsync(this AppFactory factory, HttpClient client, string title)
    {
        var seeded = await factory.SeededPlanIdAsync();
        var fields = Fields(title);
        using var response = await client.PostPlanAsync($"/plans/{seeded}/copy", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.PlanIdAsync(title);
    }

    public static Task<int> SeededPlanIdAsync(this AppFactory factory) =>
        factory.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct));

    public static Task<int> PlanIdAsync(this AppFactory factory, string title) =>
        factory.WithDbAsync(db => db.Plans.Where(p => p.Title == title).Select(p => p.Id).SingleAsync(Ct));

    public static Task<Plan> PlanAsync(this AppFactory factory, int id) =>
        factory.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == id, Ct));

    public static async Task SwitchToAsync(this HttpClient client, int planId)
    {
        using var response = await client.PostFormAsync($"/plans/{planId}/switch");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The plan title the layout's header names.</summary>
    public static async Task<string> PlanShownAsync(this HttpClient client, string path = "/")
    {
        var page = await client.GetDocumentAsync(path);
        return page.QuerySelector("[data-testid=current-plan] strong")!.TextContent.Trim();
    }

    public static Task ArchiveAsync(this AppFactory factory, int planId) => factory.WithDbAsync(async db =>
    {
        (await db.Plans.SingleAsync(p => p.Id == planId, Ct)).Archive(AppFactory.Now.UtcDateTime);
        return await db.SaveChangesAsync(Ct);
    });
}
