using System.Globalization;
using AngleSharp.Html.Dom;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Home;

public sealed class DashboardTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Count(IHtmlDocument page, string testId) =>
        int.Parse(page.QuerySelector($"[data-testid={testId}]")!.GetAttribute("data-count")!, CultureInfo.InvariantCulture);

    private static int ResultsCount(IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=results-count]")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>The rules, worked out here from the database, independently of the app's code.</summary>
    private async Task<(int Overdue, int DueSoon, int Stale)> ExpectedAsync()
    {
        var today = TrackingData.Today;
        var actions = await factory.WithDbAsync(db => db.Actions.Select(a => new { a.Id, a.DueDate, a.Status }).ToListAsync(Ct));
        var lastApproved = await factory.WithDbAsync(db => db.ProgressUpdates
            .Where(u => u.ActionId != null && u.State == UpdateState.Approved)
            .GroupBy(u => u.ActionId!.Value).Select(g => new { Id = g.Key, Last = g.Max(u => u.AsAt) })
            .ToDictionaryAsync(g => g.Id, g => g.Last, Ct));
        var open = actions.Where(a => a.Status != ActionStatus.Complete).ToList();
        return (
            open.Count(a => a.DueDate < today),
            open.Count(a => a.DueDate >= today && a.DueDate <= today.AddDays(30)),
            open.Count(a => !lastApproved.TryGetValue(a.Id, out var last) || today.DayNumber - last.DayNumber > 14));
    }

    [Fact]
    public async Task Get_CountsOfOverdueDueSoonAndStaleActions_FollowTheRules()
    {
        await factory.RequestDueDateChangeAsync("CS10", TrackingData.Today.AddDays(20), "New scorecard supplier", approve: true);
        await factory.AddActionUpdateAsync("CS9", UpdateState.Approved, TrackingData.Today.AddDays(-3), "Policy reviewed.");
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await ExpectedAsync();

        var page = await client.GetDocumentAsync("/");

        Assert.Equal(expected.Overdue, Count(page, "count-overdue"));
        Assert.Equal(expected.DueSoon, Count(page, "count-due-soon"));
        Assert.Equal(expected.Stale, Count(page, "count-stale"));
        Assert.True(expected.DueSoon > 0);
        Assert.True(expected.Stale < 57);
        var soonest = await factory.WithDbAsync(db => db.Actions
            .Where(a => a.Status != ActionStatus.Complete && a.DueDate >= TrackingData.Today && a.DueDate <= TrackingData.Today.AddDays(30))
            .OrderBy(a => a.DueDate).ThenBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));
        Assert.Contains("CS10", soonest);
        var shown = page.QuerySelectorAll("[data-testid=items-due-soon] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(soonest.Take(shown.Count).Select(reference => $"/actions/{reference}"), shown);
    }

    [Fact]
    public async Task Get_EveryCountLinksToAListWithThatManyActions()
    {
        await factory.RequestDueDateChangeAsync("CS11", new DateOnly(2021, 3, 15), "Brought forward", approve: true);
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var page = await client.GetDocumentAsync("/");

        var links = page.QuerySelectorAll("a[data-count]").OfType<IHtmlAnchorElement>()
            .Where(a => a.GetAttribute("href")!.StartsWith("/actions", StringComparison.Ordinal)).ToList();
        Assert.True(links.Count > 20, $"Only {links.Count} counts link to the action list.");
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            var list = await client.GetDocumentAsync(href);
            Assert.True(int.Parse(link.GetAttribute("data-count")!, CultureInfo.InvariantCulture) == ResultsCount(list),
                $"{href}: the dashboard says {link.GetAttribute("data-count")}, the list shows {ResultsCount(list)}.");
            Assert.Equal(ResultsCount(list), list.QuerySelectorAll("[data-testid=action-row]").Length);
        }
    }

    [Fact]
    public async Task Get_AsServiceDirector_ShowsWhatAwaitsADecision()
    {
        await factory.AddActionUpdateAsync("QP12", UpdateState.Submitted, TrackingData.Today, "Submitted for approval.");
        await factory.AddPriorityUpdateAsync(3, UpdateState.Submitted, TrackingData.Today, "Submitted on a priority.");
        await factory.RequestDueDateChangeAsync("QP13", new DateOnly(2021, 6, 30), "Recruitment delayed", approve: false);
        var submitted = await factory.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.State == UpdateState.Submitted, Ct));
        var pending = await factory.WithDbAsync(db => db.DueDateChanges.CountAsync(c => c.State == DueDateChangeState.Pending, Ct));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using var head = await factory.SignedInClientAsync(Roles.HeadOfService);

        var asDirector = await director.GetDocumentAsync("/");
        var asHead = await head.GetDocumentAsync("/");

        Assert.NotNull(asDirector.QuerySelector("[data-testid=section-director]"));
        Assert.Equal(submitted, Count(asDirector, "count-awaiting-decision"));
        Assert.Equal("/approvals", asDirector.QuerySelector("[data-testid=count-awaiting-decision]")!.GetAttribute("href"));
        Assert.Equal(pending, Count(asDirector, "count-due-date-changes"));
        Assert.Equal("/due-date-changes", asDirector.QuerySelector("[data-testid=count-due-date-changes]")!.GetAttribute("href"));
        Assert.Contains(asDirector.QuerySelectorAll("[data-testid=items-awaiting-decision] a"), a => a.TextContent == "Action QP12");
        Assert.Contains(asDirector.QuerySelectorAll("[data-testid=items-awaiting-decision] a"), a => a.TextContent == "Priority 3");
        Assert.Contains(asDirector.QuerySelectorAll("[data-testid=items-due-date-changes] a"), a => a.TextContent == "Action QP13");
        Assert.Null(asDirector.QuerySelector("[data-testid=section-lead]"));
        Assert.Null(asHead.QuerySelector("[data-testid=section-director]"));
    }

    [Fact]
    public async Task Get_AsHeadOfService_ShowsTheirActionsReturnedUpdatesAndDrafts()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(lead.Id, "QP14", "QP15", "QP16");
        var returned = await factory.AddActionUpdateAsync("QP14", UpdateState.Returned, TrackingData.Today, "Needs work.", lead);
        var draft = await factory.AddActionUpdateAsync("QP15", UpdateState.Draft, TrackingData.Today, "Half written.", lead);
        await factory.AddActionUpdateAsync("QP16", UpdateState.Draft, TrackingData.Today, "Someone else's draft.");
        var waiting = await factory.AddActionUpdateAsync("QP16", UpdateState.Submitted, TrackingData.Today, "Sent for approval.", lead);
        using var client = await factory.ClientForAsync(lead);
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var page = await client.GetDocumentAsync("/");
        var asDirector = await director.GetDocumentAsync("/");

        Assert.Equal(3, Count(page, "count-my-actions"));
        Assert.Equal("/actions?lead=me", page.QuerySelector("[data-testid=count-my-actions]")!.GetAttribute("href"));
        Assert.Equal(3, ResultsCount(await client.GetDocumentAsync("/actions?lead=me")));
        Assert.Equal(1, Count(page, "count-returned"));
        Assert.Equal($"/updates/{returned}", page.QuerySelector("[data-testid=items-returned] a")!.GetAttribute("href"));
        Assert.Contains("Please add the audit figures.", page.QuerySelector("[data-testid=items-returned]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Count(page, "count-drafts"));
        Assert.Equal($"/updates/{draft}", page.QuerySelector("[data-testid=items-drafts] a")!.GetAttribute("href"));
        Assert.Equal(1, Count(page, "count-waiting"));
        Assert.Equal("/updates/mine", page.QuerySelector("[data-testid=count-waiting]")!.GetAttribute("href"));
        Assert.Equal($"/updates/{waiting}", page.QuerySelector("[data-testid=items-waiting] a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=section-director]"));
        Assert.Null(asDirector.QuerySelector("[data-testid=section-lead]"));
    }

    [Fact]
    public async Task Get_HeadOfServiceWithNothingToDo_SeesPlainEmptyStates()
    {
        using var client = await factory.SignedInClientAsync(Roles.HeadOfService);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal("You do not lead any actions.", page.QuerySelector("[data-testid=empty-my-actions]")!.TextContent);
        Assert.Equal("None of your updates have been returned.", page.QuerySelector("[data-testid=empty-returned]")!.TextContent);
        Assert.Equal("You have no draft updates.", page.QuerySelector("[data-testid=empty-drafts]")!.TextContent);
    }

    [Fact]
    public async Task Get_ShowsEachWorkstreamWithItsActionCount()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("[data-testid=workstreams-table] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Split('.')[0].Trim(), r => r.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal(new Dictionary<string, string> { ["LG"] = "5", ["CS"] = "6", ["QP"] = "24", ["PM"] = "12", ["E"] = "10" }, rows);
    }

    [Fact]
    public async Task Get_ShowsTheNinePrioritiesWithTheirLinkedActionCounts()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Priorities.OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title, Count = db.Actions.Count(a => a.Priorities.Any(x => x.Id == p.Id)) })
            .ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll("[data-testid=priorities-table] tbody tr").ToList();
        Assert.Equal(9, rows.Count);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal($"{expected[i].Number}. {expected[i].Title}", rows[i].QuerySelector("th")!.TextContent.Trim());
            Assert.Equal(expected[i].Count.ToString(CultureInfo.InvariantCulture), rows[i].QuerySelectorAll("td")[0].TextContent.Trim());
        }
    }

    [Fact]
    public async Task Get_DeliveryTotalsFollowTheRulesOnTheFixedDate()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var today = TrackingData.Today;
        var actions = await factory.WithDbAsync(db => db.Actions.Select(a => new { a.Id, a.DueDate }).ToListAsync(Ct));
        var recent = await factory.WithDbAsync(db => db.ProgressUpdates
            .Where(u => u.ActionId != null && u.State == UpdateState.Approved && u.AsAt >= today.AddDays(-28))
            .Select(u => u.ActionId!.Value).ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/");

        // No action in this class's database is complete, overridden or has a proposed rating: past due
        // is Red; due within 14 days without an approved update in the last 28 days is Amber; the rest Green.
        Assert.Equal(actions.Count(a => a.DueDate < today), Count(page, "total-red"));
        Assert.Equal(actions.Count(a => a.DueDate >= today && a.DueDate <= today.AddDays(14) && !recent.Contains(a.Id)), Count(page, "total-amber"));
        Assert.Equal(0, Count(page, "total-blue"));
        Assert.Equal(57, Count(page, "total-red") + Count(page, "total-amber") + Count(page, "total-green") + Count(page, "total-blue"));
        Assert.Equal(57, Count(page, "impact-none"));
    }

    [Fact]
    public async Task Get_ShowsRatingsAsWordsWithAKey()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal(["Red", "Amber", "Green", "Blue"], page.QuerySelectorAll("[data-testid=rag-totals] .app-rag").Select(e => e.TextContent));
        Assert.Equal(["Red", "Amber", "Green", "Blue", "Not rated"], page.QuerySelectorAll("[data-testid=impact-totals] .app-rag").Select(e => e.TextContent));
        Assert.NotNull(page.QuerySelector("[data-testid=rag-key]"));
    }
}
