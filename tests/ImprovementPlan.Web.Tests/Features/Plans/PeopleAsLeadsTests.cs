using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Plans;

/// <summary>Leads are people: the action list filters by person, and deactivating a lead asks who takes over.</summary>
public sealed class PeopleAsLeadsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ActionsFilteredByPerson_ListsOnlyWhatThatPersonLeads()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(head.Id, "QP21", "CS10");
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/actions?person={head.Id}");

        Assert.Equal("2 actions", page.QuerySelector("[data-testid=results-count]")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#Person option"), o => o.GetAttribute("value") == head.Id && o.TextContent == head.DisplayName);
        Assert.Contains("Led by: " + head.DisplayName, page.QuerySelector("[data-testid=applied-filters]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DeactivateSomeoneWhoLeads_AsksWhoTakesOver_AndDeactivatesNobodyYet()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(head.Id, "LG2");
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync($"/admin/users/{head.Id}/deactivate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/users/{head.Id}/hand-over", response.Headers.Location!.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == head.Id).Select(u => u.IsActive).SingleAsync(Ct)));
        var page = await admin.GetDocumentAsync($"/admin/users/{head.Id}/hand-over");
        Assert.Contains("LG2:", page.QuerySelector("[data-testid=led]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HandOverWithoutAPerson_ShowsErrorAndChangesNothing()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(head.Id, "LG3");
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync($"/admin/users/{head.Id}/hand-over", ("ToUserId", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select the person who takes over"], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Equal(head.Id, await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "LG3").Select(a => a.LeadUserId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Post_HandOver_MovesEveryLeadToTheChosenPerson_DeactivatesAndAudits()
    {
        var leaving = await factory.CreateAsync(Roles.HeadOfService);
        var successor = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(leaving.Id, "LG4", "LG5");
        await factory.LeadPriorityAsync(leaving.Id, 5);
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "CS6", Ct);
            action.ChangeSeniorResponsible(action.SeniorResponsibleOfficer, leaving.Id);
            return await db.SaveChangesAsync(Ct);
        });
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync($"/admin/users/{leaving.Id}/hand-over", ("ToUserId", successor.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (leads, seniors, priority, active) = await factory.WithDbAsync(async db => (
            await db.Actions.Where(a => a.Reference == "LG4" || a.Reference == "LG5").Select(a => a.LeadUserId).ToListAsync(Ct),
            await db.Actions.Where(a => a.Reference == "CS6").Select(a => a.SeniorResponsibleUserId).SingleAsync(Ct),
            await db.Priorities.Where(p => p.Number == 5).Select(p => p.LeadUserId).SingleAsync(Ct),
            await db.Users.Where(u => u.Id == leaving.Id).Select(u => u.IsActive).SingleAsync(Ct)));
        Assert.All(leads, l => Assert.Equal(successor.Id, l));
        Assert.Equal(successor.Id, seniors);
        Assert.Equal(successor.Id, priority);
        Assert.False(active);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Action"
            && (e.EntityKey == "LG4" || e.EntityKey == "LG5") && e.Changes!.Contains(successor.Id), Ct)));
    }
}
