using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Plans;

/// <summary>The plan's structure edited by administrators and the Service Director: added, changed, reordered, retired, audited.</summary>
public sealed class PlanStructureTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plan of the test's own, with three workstreams, made the director's current plan.</summary>
    private async Task<(HttpClient Client, int PlanId)> PlanWithWorkstreamsAsync()
    {
        var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var planId = await factory.CreatePlanAsync(client, $"Structure plan {Guid.NewGuid():N}");
        foreach (var code in new[] { "AA", "BB", "CC" })
        {
            using var added = await client.PostFormAsync("/plan-structure/workstreams/new", ("Code", code), ("Name", $"Workstream {code}"),
                ("Outcomes", "First outcome\n\nSecond outcome"));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        return (client, planId);
    }

    private Task<List<string>> CodesInOrderAsync(int planId) =>
        factory.WithDbAsync(db => db.Workstreams.Where(w => w.PlanId == planId).OrderBy(w => w.SortOrder).Select(w => w.Code).ToListAsync(Ct));

    [Fact]
    public async Task Post_NewWorkstream_AddsItToTheCurrentPlanWithItsOutcomes_AndAuditsIt()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            var workstream = await factory.WithDbAsync(db => db.Workstreams.AsNoTracking().SingleAsync(w => w.PlanId == planId && w.Code == "BB", Ct));

            Assert.Equal(["First outcome", "Second outcome"], workstream.Outcomes);
            Assert.Equal(["AA", "BB", "CC"], await CodesInOrderAsync(planId));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PlanId == planId && e.EntityType == "Workstream" && e.EntityKey == "BB", Ct)));
            var page = await client.GetDocumentAsync("/plan-structure");
            Assert.NotNull(page.QuerySelector("[data-testid=workstreams-BB]"));
        }
    }

    [Fact]
    public async Task Post_NewWorkstream_WithACodeThePlanHas_ShowsErrorAndKeepsTheName()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            using var response = await client.PostFormAsync("/plan-structure/workstreams/new", ("Code", "bb"), ("Name", "Typed name"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Users.ParseAsync(response);
            Assert.Equal(["The plan already has a workstream BB"], FormPosting.Errors(page));
            Assert.Equal("Typed name", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Name")!.Value);
            Assert.Equal(3, await factory.WithDbAsync(db => db.Workstreams.CountAsync(w => w.PlanId == planId, Ct)));
        }
    }

    [Fact]
    public async Task Post_NewPriority_WithoutTitleOrNumber_ShowsEachError()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            using var response = await client.PostFormAsync("/plan-structure/priorities/new", ("Number", "x"), ("Title", ""), ("WhatNeedsToImprove", ""));

            Assert.Equal(
                ["The priority number must be a whole number from 1 to 999", "Enter the priority’s title", "Enter what needs to improve"],
                FormPosting.Errors(await Users.ParseAsync(response)));
            Assert.False(await factory.WithDbAsync(db => db.Priorities.AnyAsync(p => p.PlanId == planId, Ct)));
        }
    }

    [Fact]
    public async Task Post_NewPriority_WithALeadPerson_SavesThePersonAndJobTitle()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        var head = await factory.CreateAsync(Roles.HeadOfService);
        using (client)
        {
            using var response = await client.PostFormAsync("/plan-structure/priorities/new", ("Number", "4"), ("Title", "Permanence"),
                ("WhatNeedsToImprove", "Plans for permanence"), ("LeadUserId", head.Id), ("LeadJobTitle", "Head of Children and Families Service"));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var priority = await factory.WithDbAsync(db => db.Priorities.AsNoTracking().SingleAsync(p => p.PlanId == planId && p.Number == 4, Ct));
            Assert.Equal((head.Id, "Head of Children and Families Service"), (priority.LeadUserId, priority.LeadJobTitle));
        }
    }

    [Fact]
    public async Task Post_MoveUpAndDown_ReordersTheWorkstreams()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            var cc = await factory.WithDbAsync(db => db.Workstreams.Where(w => w.PlanId == planId && w.Code == "CC").Select(w => w.Id).SingleAsync(Ct));

            using (var up = await client.PostFormAsync($"/plan-structure/workstreams/{cc}/move", ("Direction", "up")))
            {
                Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
            }

            Assert.Equal(["AA", "CC", "BB"], await CodesInOrderAsync(planId));
            using (await client.PostFormAsync($"/plan-structure/workstreams/{cc}/move", ("Direction", "up")))
            {
                Assert.Equal(["CC", "AA", "BB"], await CodesInOrderAsync(planId));
            }

            using (await client.PostFormAsync($"/plan-structure/workstreams/{cc}/move", ("Direction", "down")))
            {
                Assert.Equal(["AA", "CC", "BB"], await CodesInOrderAsync(planId));
            }
        }
    }

    [Fact]
    public async Task Post_Retire_KeepsTheWorkstreamWithTheDateItWasRetired_AndAuditsIt()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            var aa = await factory.WithDbAsync(db => db.Workstreams.AsNoTracking().SingleAsync(w => w.PlanId == planId && w.Code == "AA", Ct));

            using var retired = await client.PostFormAsync($"/plan-structure/workstreams/{aa.Id}/retire", ("Version", V(aa.Version)));

            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
            var after = await factory.WithDbAsync(db => db.Workstreams.AsNoTracking().SingleAsync(w => w.Id == aa.Id, Ct));
            Assert.Equal(new DateOnly(2021, 3, 1), after.RetiredOn);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PlanId == planId && e.EntityType == "Workstream"
                && e.EntityKey == "AA" && e.Changes!.Contains("RetiredOn"), Ct)));
            var row = (await client.GetDocumentAsync("/plan-structure")).QuerySelector("[data-testid=workstreams-AA]")!.TextContent;
            Assert.Contains("Retired", row, StringComparison.Ordinal);
            Assert.Contains("1 March 2021", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_EditWithAStaleVersion_ShowsTheConflictAndOverwritesNothing()
    {
        var (client, planId) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            var aa = await factory.WithDbAsync(db => db.Workstreams.AsNoTracking().SingleAsync(w => w.PlanId == planId && w.Code == "AA", Ct));
            using (var first = await client.PostFormAsync($"/plan-structure/workstreams/{aa.Id}", ("Version", V(aa.Version)), ("Code", "AA"), ("Name", "Saved first")))
            {
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            }

            using var stale = await client.PostFormAsync($"/plan-structure/workstreams/{aa.Id}", ("Version", V(aa.Version)), ("Code", "AA"), ("Name", "Saved second"));

            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var page = await Users.ParseAsync(stale);
            Assert.Contains("Someone else changed this while you were editing it", FormPosting.Errors(page).Single(), StringComparison.Ordinal);
            Assert.Equal("Saved first", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Name")!.Value);
            Assert.Equal("Saved first", await factory.WithDbAsync(db => db.Workstreams.Where(w => w.Id == aa.Id).Select(w => w.Name).SingleAsync(Ct)));
        }
    }

    [Fact]
    public async Task Get_AnotherPlansWorkstream_ReturnsNotFound()
    {
        var (client, _) = await PlanWithWorkstreamsAsync();
        using (client)
        {
            var seeded = await factory.SeededPlanIdAsync();
            var other = await factory.WithDbAsync(db => db.Workstreams.Where(w => w.PlanId == seeded).Select(w => w.Id).FirstAsync(Ct));

            using var response = await client.GetAsync(new Uri($"/plan-structure/workstreams/{other}", UriKind.Relative), Ct);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
