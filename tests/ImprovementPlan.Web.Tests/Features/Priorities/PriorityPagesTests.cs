using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Priorities;

public sealed class PriorityPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_List_ShowsTheNinePrioritiesWithTheirActionCounts()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Priorities.OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title, Count = db.Actions.Count(a => a.Priorities.Any(x => x.Id == p.Id)) })
            .ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/priorities");

        var rows = page.QuerySelectorAll("[data-testid=priority-row]").ToList();
        Assert.Equal(9, rows.Count);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal($"{expected[i].Number}. {expected[i].Title}", rows[i].QuerySelector("th a")!.TextContent);
            Assert.Equal($"/priorities/{expected[i].Number}", rows[i].QuerySelector("th a")!.GetAttribute("href"));
            Assert.Equal(expected[i].Count.ToString(CultureInfo.InvariantCulture), rows[i].QuerySelector("[data-testid=action-count]")!.TextContent.Trim());
        }

        Assert.NotNull(page.QuerySelector("[data-testid=rag-key]"));
    }

    [Fact]
    public async Task Get_Priority2_LinksEachMeasureNameToItsPage()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var ids = await factory.WithDbAsync(db => db.Measures.Where(m => db.Priorities.Any(p => p.Id == m.PriorityId && p.Number == 2))
            .ToDictionaryAsync(m => m.Code, m => m.Id, Ct));

        var page = await client.GetDocumentAsync("/priorities/2");

        var rows = page.QuerySelectorAll("[data-testid=measure-row]").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal($"/measures/{ids[row.GetAttribute("data-code")!]}", row.QuerySelector("th a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task Get_Priority2_ShowsOfstedTextActionsMeasuresAndTimeline()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var priority = await factory.WithDbAsync(db => db.Priorities.SingleAsync(p => p.Number == 2, Ct));
        var actions = await factory.WithDbAsync(db => db.Actions.Where(a => a.Priorities.Any(p => p.Number == 2))
            .OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));
        var updates = await factory.WithDbAsync(db => db.ProgressUpdates
            .Where(u => u.PriorityId == priority.Id && u.State == UpdateState.Approved).ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/priorities/2");

        Assert.Equal(priority.Heading, page.QuerySelector("[data-testid=priority-heading]")!.TextContent);
        Assert.Equal(priority.WhatOfstedSaid, page.QuerySelector("[data-testid=what-ofsted-said]")!.TextContent);
        Assert.Equal(priority.WhatNeedsToImprove, page.QuerySelector("[data-testid=what-needs-to-improve]")!.TextContent);
        Assert.Equal(actions, page.QuerySelectorAll("[data-testid=action-row]").Select(r => r.GetAttribute("data-reference")));
        Assert.All(page.QuerySelectorAll("[data-testid=action-row] [data-testid=delivery-rag] .app-rag"), r => Assert.Equal("Red", r.TextContent));

        var contacts = page.QuerySelector("[data-testid=measure-row][data-code=MASH-CONTACTS-1WD]")!;
        Assert.Equal("76%", contacts.QuerySelector("[data-testid=latest-value]")!.TextContent);
        Assert.Equal("January 2021", contacts.QuerySelector("[data-testid=latest-period]")!.TextContent);
        Assert.Equal("Not rated", contacts.QuerySelector("[data-testid=measure-rag] .app-rag")!.TextContent);

        var items = page.QuerySelectorAll("[data-testid=timeline-item]").ToList();
        Assert.Equal(updates.Count, items.Count);
        Assert.Equal(6, items.Count);
        var newest = updates.Max(u => u.AsAt).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(newest, items[0].QuerySelector("time")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("[data-testid=timeline-narrative]"),
            n => n.TextContent.Contains("In January 2021 our performance improved to 76%.", StringComparison.Ordinal));
        Assert.Equal("By Director of Children’s Services", items[0].QuerySelector("[data-testid=timeline-author]")!.TextContent);
        Assert.Contains("Priority 2", page.QuerySelector("[data-testid=breadcrumbs]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MeasureWithATarget_ShowsTheTargetThatAppliesAndTheRating()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/priorities/9");

        // Case supervision: 45% in November 2020; the trajectory's first target, 70% by 28 February 2021, is after that period.
        var supervision = page.QuerySelector("[data-testid=measure-row][data-code=CASE-SUPERVISION-1-MONTH]")!;
        Assert.Equal("45%", supervision.QuerySelector("[data-testid=latest-value]")!.TextContent);
        Assert.Equal("Not rated", supervision.QuerySelector("[data-testid=measure-rag] .app-rag")!.TextContent);
        // No target applies to that figure yet, so the trajectory's next point is shown as such, as in the committee report.
        var supervisionTarget = supervision.QuerySelector("[data-testid=target]")!.TextContent;
        Assert.StartsWith("70%", supervisionTarget.Trim(), StringComparison.Ordinal);
        Assert.Contains("next target", supervisionTarget, StringComparison.Ordinal);
        // Average caseload: 24.1 in December 2020 against 18 by 17 March 2021 — no target applies yet either.
        Assert.Equal("24.1", page.QuerySelector("[data-testid=measure-row][data-code=SW-AVERAGE-CASELOAD] [data-testid=latest-value]")!.TextContent);
        // Complaints: no figures yet; the next point on the trajectory is shown.
        var complaints = page.QuerySelector("[data-testid=measure-row][data-code=COMPLAINTS-TIMELY]")!;
        Assert.Equal("No figures recorded yet", complaints.QuerySelector("[data-testid=latest]")!.TextContent.Trim());
        Assert.StartsWith("71%", complaints.QuerySelector("[data-testid=target]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PriorityWithoutALead_SaysNotAssigned_AndWithALead_NamesThem()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadPriorityAsync(lead.Id, 5);
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var led = await client.GetDocumentAsync("/priorities/5");
        var notLed = await client.GetDocumentAsync("/priorities/4");

        Assert.Equal(lead.DisplayName, led.QuerySelector("[data-testid=lead]")!.TextContent);
        Assert.Equal("Not assigned", notLed.QuerySelector("[data-testid=lead]")!.TextContent);
        Assert.Equal("No actions in the plan are linked to this priority area.", notLed.QuerySelector("[data-testid=no-actions]")!.TextContent);
    }

    [Fact]
    public async Task Get_AddAnUpdate_ShownOnlyToTheLeadAndTheServiceDirector()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadPriorityAsync(lead.Id, 6);
        using var asLead = await factory.ClientForAsync(lead);
        using var asOtherHead = await factory.SignedInClientAsync(Roles.HeadOfService);
        using var asViewer = await factory.SignedInClientAsync(Roles.Viewer);
        using var asDirector = await factory.SignedInClientAsync(Roles.ServiceDirector);

        Assert.Equal("/priorities/6/updates/new",
            (await asLead.GetDocumentAsync("/priorities/6")).QuerySelector("[data-testid=add-update]")!.GetAttribute("href"));
        Assert.NotNull((await asDirector.GetDocumentAsync("/priorities/6")).QuerySelector("[data-testid=add-update]"));
        Assert.Null((await asOtherHead.GetDocumentAsync("/priorities/6")).QuerySelector("[data-testid=add-update]"));
        Assert.Null((await asViewer.GetDocumentAsync("/priorities/6")).QuerySelector("[data-testid=add-update]"));
    }

    [Fact]
    public async Task Get_DraftOnAPriority_IsShownToItsAuthorOnly()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadPriorityAsync(lead.Id, 7);
        await factory.AddPriorityUpdateAsync(7, UpdateState.Draft, TrackingData.Today, "Transition protocol drafted.", lead);
        using var asLead = await factory.ClientForAsync(lead);
        using var asViewer = await factory.SignedInClientAsync(Roles.Viewer);

        var own = await asLead.GetDocumentAsync("/priorities/7");
        var other = await asViewer.GetDocumentAsync("/priorities/7");

        Assert.Equal("Draft", own.QuerySelector("[data-state=Draft] [data-testid=timeline-state]")!.TextContent);
        Assert.DoesNotContain(other.QuerySelectorAll("[data-testid=timeline-narrative]"), n => n.TextContent == "Transition protocol drafted.");
    }

    [Theory]
    [InlineData("/priorities/99")]
    [InlineData("/priorities/0")]
    [InlineData("/priorities/abc")]
    public async Task Get_UnknownPriority_ReturnsNotFound(string path)
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
