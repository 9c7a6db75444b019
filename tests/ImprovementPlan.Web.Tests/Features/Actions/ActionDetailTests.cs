using System.Net;
using AngleSharp.Html.Dom;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using DomainEvidence = ImprovementPlan.Domain.Updates.Evidence;

namespace ImprovementPlan.Web.Tests.Features.Actions;

public sealed class ActionDetailTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public async Task Get_QP21_ShowsEveryColumnOfThePlanVerbatim()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var action = await factory.WithDbAsync(db => db.Actions.Include(a => a.Workstream).Include(a => a.SourceReviews).Include(a => a.Priorities)
            .SingleAsync(a => a.Reference == "QP21", Ct));

        var page = await client.GetDocumentAsync("/actions/QP21");

        Assert.Equal("Action QP21", Text(page, "action-heading"));
        string Column(string key) => page.QuerySelector($"[data-testid=column-{key}]")!.TextContent;
        Assert.Equal(action.Reference, Column("ref"));
        Assert.Equal(action.LinkTo, Column("link-to"));
        Assert.Equal(action.ActionText, Column("actions"));
        Assert.Equal(action.Timeframe, Column("timeframe"));
        Assert.Equal(action.Outcome, Column("outcome"));
        Assert.Equal(action.HowWillWeKnow, Column("how-will-we-know"));
        Assert.Equal(action.WhatSuccessLooksLike, Column("what-success-looks-like"));
        Assert.Equal(action.SeniorResponsibleOfficer, Column("senior-responsible-officer"));
        Assert.Equal(action.LeadOfficer, Column("lead-officer"));
        Assert.Contains("app-pre-line", page.QuerySelector("[data-testid=column-outcome]")!.ClassList);
        Assert.Equal($"{action.Workstream!.Code} – {action.Workstream.Name}", Text(page, "workstream"));
        foreach (var review in action.SourceReviews)
        {
            Assert.Contains($"{review.Code}: {review.Title}", Text(page, "source-reviews"), StringComparison.Ordinal);
        }

        var priority = Assert.Single(action.Priorities);
        Assert.Equal($"/priorities/{priority.Number}", page.QuerySelector("[data-testid=priorities] a")!.GetAttribute("href"));
        Assert.Equal("30 June 2020", Text(page, "original-due-date"));
        Assert.StartsWith("30 June 2020", Text(page, "due-date"), StringComparison.Ordinal);
        Assert.Equal("Red", page.QuerySelector("[data-testid=delivery-rating] .app-rag")!.TextContent);
        Assert.Equal("Past its due date of 30 June 2020 and not complete.", Text(page, "delivery-reason"));
        Assert.Equal("Not rated", page.QuerySelector("[data-testid=impact-rating] .app-rag")!.TextContent);
        Assert.Equal("Not yet reported", Text(page, "status"));
        Assert.Contains("Actions", page.QuerySelector("[data-testid=breadcrumbs]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReferenceInLowerCase_ShowsTheAction()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions/qp21");

        Assert.Equal("Action QP21", Text(page, "action-heading"));
    }

    [Theory]
    [InlineData("/actions/ZZ99")]
    [InlineData("/actions/QP210000000000000")]
    public async Task Get_UnknownReference_ReturnsNotFound(string path)
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_AsViewer_ShowsNoControls()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions/QP21");

        Assert.Null(page.QuerySelector("[data-testid=add-update]"));
        Assert.Null(page.QuerySelector("[data-testid=edit-action]"));
        Assert.Null(page.QuerySelector("[data-testid=change-ratings]"));
        Assert.Null(page.QuerySelector("[data-testid=request-due-date]"));
    }

    [Fact]
    public async Task Get_AsHeadOfServiceWhoLeadsIt_ShowsAddAnUpdateButNotEditAction()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(lead.Id, "QP22");
        using var client = await factory.ClientForAsync(lead);

        var page = await client.GetDocumentAsync("/actions/QP22");
        var notLed = await client.GetDocumentAsync("/actions/QP23");

        Assert.Equal("/actions/QP22/updates/new", page.QuerySelector("[data-testid=add-update]")!.GetAttribute("href"));
        Assert.Equal("/actions/QP22/due-date", page.QuerySelector("[data-testid=request-due-date]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=edit-action]"));
        Assert.Null(page.QuerySelector("[data-testid=change-ratings]"));
        Assert.Equal(lead.DisplayName, Text(page, "lead-user"));
        Assert.Null(notLed.QuerySelector("[data-testid=add-update]"));
        Assert.Null(notLed.QuerySelector("[data-testid=request-due-date]"));
    }

    [Fact]
    public async Task Get_AsAdministrator_ShowsEditActionButNotTheServiceDirectorsRatings()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        var page = await client.GetDocumentAsync("/actions/QP21");

        Assert.Equal("/actions/QP21/edit", page.QuerySelector("[data-testid=edit-action]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=change-ratings]"));
        Assert.Equal("/actions/QP21/due-date", page.QuerySelector("[data-testid=request-due-date]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=add-update]"));
    }

    [Fact]
    public async Task Get_AsServiceDirector_ShowsEveryControl()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var page = await client.GetDocumentAsync("/actions/QP21");

        Assert.NotNull(page.QuerySelector("[data-testid=add-update]"));
        Assert.NotNull(page.QuerySelector("[data-testid=edit-action]"));
        Assert.NotNull(page.QuerySelector("[data-testid=request-due-date]"));
    }

    [Fact]
    public async Task Get_Timeline_ShowsApprovedUpdatesToEveryoneAndOthersOnlyToThoseConcerned()
    {
        var author = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(author.Id, "QP24");
        var approved = await factory.AddActionUpdateAsync("QP24", UpdateState.Approved, new DateOnly(2021, 2, 20), "Audit done.\nFindings shared.", author);
        var older = await factory.AddActionUpdateAsync("QP24", UpdateState.Approved, new DateOnly(2021, 1, 10), "Audit planned.", author);
        var draft = await factory.AddActionUpdateAsync("QP24", UpdateState.Draft, new DateOnly(2021, 2, 27), "Draft words.", author);
        var submitted = await factory.AddActionUpdateAsync("QP24", UpdateState.Submitted, new DateOnly(2021, 2, 25), "Waiting words.", author);
        var returned = await factory.AddActionUpdateAsync("QP24", UpdateState.Returned, new DateOnly(2021, 2, 24), "Returned words.", author);
        await factory.WithDbAsync(async db =>
        {
            db.Evidence.Add(DomainEvidence.ForLink(approved, "Audit summary", new Uri("https://example.org/audit"), AppFactory.Now.UtcDateTime, author.Id));
            db.Evidence.Add(DomainEvidence.ForFile(approved, "audit.pdf", "stored-name", "application/pdf", 2048, new string('a', 64), AppFactory.Now.UtcDateTime, author.Id));
            return await db.SaveChangesAsync(Ct);
        });
        var fileId = await factory.WithDbAsync(db => db.Evidence.Where(e => e.ProgressUpdateId == approved && e.Kind == EvidenceKind.File).Select(e => e.Id).SingleAsync(Ct));

        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using var own = await factory.ClientForAsync(author);
        var asViewer = await viewer.GetDocumentAsync("/actions/QP24");
        var asDirector = await director.GetDocumentAsync("/actions/QP24");
        var asAuthor = await own.GetDocumentAsync("/actions/QP24");

        static List<string> Narratives(IHtmlDocument page) =>
            [.. page.QuerySelectorAll("[data-testid=timeline-narrative]").Select(n => n.TextContent)];
        Assert.Equal(["Audit done.\nFindings shared.", "Audit planned."], Narratives(asViewer));
        Assert.Equal(["Waiting words.", "Audit done.\nFindings shared.", "Audit planned."], Narratives(asDirector));
        Assert.Equal("Awaiting decision", asDirector.QuerySelector("[data-state=Submitted] [data-testid=timeline-state]")!.TextContent);
        Assert.Equal(["Draft words.", "Waiting words.", "Returned words.", "Audit done.\nFindings shared.", "Audit planned."], Narratives(asAuthor));
        Assert.Equal($"/updates/{draft}", asAuthor.QuerySelector("[data-state=Draft] a[href^='/updates/']")!.GetAttribute("href"));
        Assert.Equal($"/updates/{returned}", asAuthor.QuerySelector("[data-state=Returned] a[href^='/updates/']")!.GetAttribute("href"));
        Assert.Contains("Please add the audit figures.", asAuthor.QuerySelector("[data-testid=timeline-return-comment]")!.TextContent, StringComparison.Ordinal);
        Assert.True(submitted > 0 && older > 0);

        var link = asViewer.QuerySelector("[data-testid=timeline-evidence] a[href='https://example.org/audit']")!;
        Assert.Equal("Audit summary", link.TextContent);
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("audit.pdf", asViewer.QuerySelector($"[data-testid=timeline-evidence] a[href='/evidence/{fileId}']")!.TextContent);
        Assert.Equal("20 February 2021", asViewer.QuerySelector("[data-testid=last-update]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_ActionWithDueDateChanges_ShowsTheRequestsSlippageAndHistory()
    {
        await factory.RequestDueDateChangeAsync("PM44", new DateOnly(2021, 1, 31), "The new system went live late", approve: true);
        await factory.RequestDueDateChangeAsync("PM44", new DateOnly(2021, 5, 31), "Partners asked for more time", approve: false);
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var original = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "PM44").Select(a => a.OriginalDueDate).SingleAsync(Ct));

        var page = await client.GetDocumentAsync("/actions/PM44");

        var requests = page.QuerySelector("[data-testid=due-date-changes]")!.TextContent;
        Assert.Contains("Partners asked for more time", requests, StringComparison.Ordinal);
        Assert.Contains("31 January 2021 to 31 May 2021", requests, StringComparison.Ordinal);
        Assert.Contains("Awaiting decision", requests, StringComparison.Ordinal);
        Assert.Contains("Approved", requests, StringComparison.Ordinal);
        Assert.StartsWith("31 January 2021", Text(page, "due-date"), StringComparison.Ordinal);
        var days = new DateOnly(2021, 1, 31).DayNumber - original!.Value.DayNumber;
        Assert.Contains(Domain.Rag.DueDateSlippage.Describe(days), Text(page, "slippage"), StringComparison.Ordinal);

        var history = page.QuerySelectorAll("[data-testid=history-entry]").ToList();
        Assert.Contains("Added to the plan", history[^1].TextContent, StringComparison.Ordinal);
        var change = page.QuerySelectorAll("[data-testid=history-change]").Single(c => c.QuerySelector("dt")!.TextContent == "Due date");
        Assert.Equal($"From {original.Value:d MMMM yyyy} → to 31 January 2021",
            change.QuerySelector("dd")!.TextContent.Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_OverriddenAndImpactRatedAction_ShowsTheReasons()
    {
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "PM46", Ct);
            action.OverrideDeliveryRag(Domain.Rag.Rag.Green, "Delivered through the new panel");
            action.RateImpact(Domain.Rag.Rag.Amber, "Early signs only");
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await client.GetDocumentAsync("/actions/PM46");

        Assert.Equal("Green", page.QuerySelector("[data-testid=delivery-rating] > .app-rag")!.TextContent);
        Assert.Contains("Set by the Service Director", Text(page, "delivery-overridden"), StringComparison.Ordinal);
        Assert.Equal("Reason: Delivered through the new panel", Text(page, "delivery-reason"));
        Assert.Equal("Amber", page.QuerySelector("[data-testid=impact-rating] .app-rag")!.TextContent);
        Assert.Equal("Early signs only", Text(page, "impact-note"));
        var history = page.QuerySelectorAll("[data-testid=history-change] dt").Select(d => d.TextContent).ToList();
        Assert.Contains("Delivery rating set by the Service Director", history);
        Assert.Contains("Impact rating", history);
    }
}
