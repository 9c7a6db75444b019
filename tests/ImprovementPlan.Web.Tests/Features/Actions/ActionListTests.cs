using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Actions;

public sealed class ActionListTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> References(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=action-row]").Select(r => r.GetAttribute("data-reference")!)];

    private static int ResultsCount(IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=results-count]")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_NoFilter_ListsEveryActionInPlanOrder()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Actions.OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/actions");

        Assert.Equal(expected, References(page));
        Assert.Equal("57 actions", page.QuerySelector("[data-testid=results-count]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=rag-key]"));
        Assert.Equal("/actions/LG1", page.QuerySelector("[data-reference=LG1] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_FilterByWorkstream_ShowsOnlyItsActions()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions?workstream=QP");

        Assert.Equal(24, ResultsCount(page));
        Assert.Equal("24 actions", page.QuerySelector("[data-testid=results-count]")!.TextContent);
        Assert.All(References(page), r => Assert.StartsWith("QP", r, StringComparison.Ordinal));
        Assert.Equal(24, References(page).Count);
    }

    [Fact]
    public async Task Get_FilterTypedInAnotherCase_IsEchoedInTheFormAndTheSummary()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions?workstream=qp&rag=red");

        var workstream = (IHtmlSelectElement)page.QuerySelector("select[name=Workstream]")!;
        Assert.Equal("QP", workstream.Value);
        Assert.Equal("Red", ((IHtmlSelectElement)page.QuerySelector("select[name=Rag]")!).Value);
        var applied = page.QuerySelector("[data-testid=applied-filters]")!.TextContent;
        Assert.Contains("Workstream: QP", applied, StringComparison.Ordinal);
        Assert.Contains("Delivery rating: Red", applied, StringComparison.Ordinal);
        var share = page.QuerySelector("[data-testid=share-link]")!.GetAttribute("href")!;
        Assert.Equal(ResultsCount(page), ResultsCount(await client.GetDocumentAsync(share)));
    }

    [Fact]
    public async Task Get_FreeText_FindsTheActionsThatMentionIt()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var actions = await factory.WithDbAsync(db => db.Actions.OrderBy(a => a.Sequence).ToListAsync(Ct));
        var expected = actions.Where(a => new[] { a.Reference, a.ActionText, a.Outcome, a.HowWillWeKnow, a.WhatSuccessLooksLike, a.LeadOfficer }
                .Any(f => f?.Contains("exploitation", StringComparison.OrdinalIgnoreCase) == true))
            .Select(a => a.Reference).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < 57);

        var page = await client.GetDocumentAsync("/actions?search=EXPLOITATION");

        Assert.Equal(expected, References(page));
        Assert.Equal(expected.Count, ResultsCount(page));
    }

    [Fact]
    public async Task Get_FreeTextWithAStraightApostrophe_FindsTheCurlyOne()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Actions.CountAsync(a => a.LeadOfficer!.Contains("Children’s Social Care"), Ct));
        Assert.True(expected > 0);

        var page = await client.GetDocumentAsync("/actions?search=" + Uri.EscapeDataString("children's social care"));

        Assert.True(ResultsCount(page) >= expected);
    }

    [Fact]
    public async Task Get_FilterByDeliveryRag_ShowsOnlyThatRating()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var today = TrackingData.Today;
        // No action in this class's database is complete or overridden: Red is exactly "past due".
        var expected = await factory.WithDbAsync(db => db.Actions.CountAsync(a => a.DueDate < today, Ct));

        var page = await client.GetDocumentAsync("/actions?rag=Red");

        Assert.Equal(expected, ResultsCount(page));
        Assert.All(page.QuerySelectorAll("[data-testid=delivery-rag] .app-rag"), r => Assert.Equal("Red", r.TextContent));
    }

    [Fact]
    public async Task Get_ViewOverdue_ShowsActionsPastDueAndNotComplete()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var today = TrackingData.Today;
        var expected = await factory.WithDbAsync(db => db.Actions
            .Where(a => a.DueDate < today && a.Status != ActionStatus.Complete).OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/actions?view=overdue");

        Assert.Equal(expected, References(page));
    }

    [Fact]
    public async Task Get_FilterByPriority_ShowsTheActionsLinkedToIt()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Actions.Where(a => a.Priorities.Any(p => p.Number == 2))
            .OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));

        var page = await client.GetDocumentAsync("/actions?priority=2");

        Assert.Equal(["QP18", "QP19", "PM41", "PM43"], expected);
        Assert.Equal(expected, References(page));
    }

    [Fact]
    public async Task Get_FilterBySourceReview_ShowsTheActionsAnsweringIt()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Actions.Where(a => a.SourceReviews.Any(s => s.Code == "O19"))
            .OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));
        Assert.NotEmpty(expected);

        var page = await client.GetDocumentAsync("/actions?review=O19");

        Assert.Equal(expected, References(page));
    }

    [Fact]
    public async Task Get_FilterByLeadOfficerAndStatus_CombinesThem()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        const string officer = "Head of Business Support";
        var expected = await factory.WithDbAsync(db => db.Actions.Where(a => a.LeadOfficer == officer)
            .OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));
        Assert.NotEmpty(expected);

        var page = await client.GetDocumentAsync($"/actions?officer={Uri.EscapeDataString(officer)}&status=NotYetReported");
        var none = await client.GetDocumentAsync($"/actions?officer={Uri.EscapeDataString(officer)}&status=Complete");

        Assert.Equal(expected, References(page));
        Assert.Equal(0, ResultsCount(none));
        Assert.Contains("No actions match these filters", none.QuerySelector("[data-testid=no-results]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FilterByDueDateRange_ShowsActionsDueWithinIt()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var from = new DateOnly(2020, 6, 1);
        var to = new DateOnly(2020, 6, 30);
        var expected = await factory.WithDbAsync(db => db.Actions.Where(a => a.DueDate >= from && a.DueDate <= to)
            .OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));
        Assert.NotEmpty(expected);

        var page = await client.GetDocumentAsync("/actions?DueFrom.Day=1&DueFrom.Month=6&DueFrom.Year=2020&DueTo.Day=30&DueTo.Month=6&DueTo.Year=2020");

        Assert.Equal(expected, References(page));
        Assert.Null(page.QuerySelector("[data-testid=error-summary]"));
    }

    [Fact]
    public async Task Get_DateThatIsNotReal_ShowsAnErrorAndTheListUnfilteredByIt()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions?workstream=QP&DueFrom.Day=31&DueFrom.Month=2&DueFrom.Year=2021");

        var summary = page.QuerySelector("[data-testid=error-summary]")!;
        Assert.Contains("Due from date must be a real date", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#DueFrom", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(24, ResultsCount(page));
        Assert.Equal("31", ((IHtmlInputElement)page.QuerySelector("#DueFrom")!).Value);
    }

    [Theory]
    [InlineData("rag=Purple")]
    [InlineData("priority=abc")]
    [InlineData("priority=99")]
    [InlineData("workstream=ZZ")]
    [InlineData("status=5")]
    [InlineData("impact=%3Cscript%3E")]
    [InlineData("view=everything&lead=you")]
    [InlineData("sort=nonsense&dir=sideways")]
    [InlineData("DueTo.Day=x&DueTo.Month=&DueTo.Year=")]
    public async Task Get_UnrecognisedFilterValue_IsIgnored(string query)
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/actions?" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(57, ResultsCount(await Users.ParseAsync(response)));
    }

    [Fact]
    public async Task Get_SortByDueDate_OrdersRowsByDueDateBothWays()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var actions = await factory.WithDbAsync(db => db.Actions.Select(a => new { a.Reference, a.Sequence, a.DueDate }).ToListAsync(Ct));
        var ascending = actions.OrderBy(a => a.DueDate).ThenBy(a => a.Sequence).Select(a => a.Reference).ToList();

        var page = await client.GetDocumentAsync("/actions?sort=due");
        var reversed = await client.GetDocumentAsync(page.QuerySelector("[data-testid=sort-due]")!.GetAttribute("href")!);

        Assert.Equal(ascending, References(page));
        Assert.Equal("ascending", page.QuerySelector("[data-testid=sort-due]")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("none", page.QuerySelector("[data-testid=sort-reference]")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal(actions.OrderByDescending(a => a.DueDate).ThenBy(a => a.Sequence).Select(a => a.Reference), References(reversed));
        Assert.Equal("descending", reversed.QuerySelector("[data-testid=sort-due]")!.ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Get_SortKeepsTheFilter()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions?workstream=PM");
        var sorted = await client.GetDocumentAsync(page.QuerySelector("[data-testid=sort-rag]")!.GetAttribute("href")!);

        Assert.Equal(12, ResultsCount(sorted));
        Assert.Equal("ascending", sorted.QuerySelector("[data-testid=sort-rag]")!.ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Get_ActionWhoseDueDateMoved_ShowsItsSlippageAndSortsFirstBySlippage()
    {
        await factory.RequestDueDateChangeAsync("E50", new DateOnly(2020, 12, 31), "Waiting for the new system", approve: true);
        var slipped = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "E50")
            .Select(a => new { a.OriginalDueDate, a.DueDate }).SingleAsync(Ct));
        var days = slipped.DueDate!.Value.DayNumber - slipped.OriginalDueDate!.Value.DayNumber;
        Assert.True(days > 0);
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions?sort=slippage");

        Assert.Equal("E50", References(page)[0]);
        Assert.Equal(Domain.Rag.DueDateSlippage.Describe(days), page.QuerySelector("[data-reference=E50] [data-testid=slippage]")!.TextContent.Trim());
        Assert.Equal("descending", page.QuerySelector("[data-testid=sort-slippage]")!.ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Get_LeadMe_ShowsOnlyTheActionsTheUserLeads()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(lead.Id, "CS7", "CS8");
        using var client = await factory.ClientForAsync(lead);

        var page = await client.GetDocumentAsync("/actions?lead=me");

        Assert.Equal(["CS7", "CS8"], References(page));
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=Lead]")!).IsChecked);
    }

    [Fact]
    public async Task Get_OverriddenRating_SaysTheServiceDirectorSetIt()
    {
        await factory.WithDbAsync(async db =>
        {
            (await db.Actions.SingleAsync(a => a.Reference == "E52", Ct)).OverrideDeliveryRag(Domain.Rag.Rag.Amber, "Recovery plan agreed");
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions?workstream=E");

        var cell = page.QuerySelector("[data-reference=E52] [data-testid=delivery-rag]")!;
        Assert.Equal("Amber", cell.QuerySelector(".app-rag")!.TextContent);
        Assert.Contains("(set by Service Director)", cell.TextContent, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            (await db.Actions.SingleAsync(a => a.Reference == "E52", Ct)).OverrideDeliveryRag(null, null);
            return await db.SaveChangesAsync(Ct);
        });
    }
}
