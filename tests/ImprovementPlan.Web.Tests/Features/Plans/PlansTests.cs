using System.Net;
using AngleSharp.Dom;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Features.Updates;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Plans;

/// <summary>Several plans: creating, copying, archiving and switching, and each plan's pages and writes kept to that plan.</summary>
public sealed class PlansTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewTitle(string what) => $"{what} {Guid.NewGuid():N}";

    [Fact]
    public async Task Post_NewPlan_CreatesItWithItsCodesAndShowsItOnEveryPage()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var title = NewTitle("Improvement plan");

        var id = await factory.CreatePlanAsync(admin, title);

        var plan = await factory.PlanAsync(id);
        Assert.Equal(new DateOnly(2021, 4, 1), plan.PeriodStart);
        Assert.Equal(new DateOnly(2023, 3, 31), plan.PeriodEnd);
        Assert.Equal(("332", "E08000027", "E12000005", "West Midlands"), (plan.OldLaCode, plan.NewLaCode, plan.RegionCode, plan.RegionName));
        Assert.Equal(PlanStatus.Active, plan.Status);
        foreach (var page in new[] { "/", "/actions", "/priorities", "/measures", "/reports", "/plan-structure" })
        {
            Assert.Equal(title, await admin.PlanShownAsync(page));
        }

        Assert.Equal("0 actions", (await admin.GetDocumentAsync("/actions")).QuerySelector("[data-testid=results-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_NewPlan_WithMistakes_ShowsEachErrorAndKeepsWhatWasTyped()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var plans = await factory.WithDbAsync(db => db.Plans.CountAsync(Ct));
        var fields = PlanTestData.Fields("  ");
        fields["PeriodEnd.Year"] = "2020";
        fields["OldLaCode"] = "33";
        fields["NewLaCode"] = "E0800002";
        fields["RegionName"] = "West Midlands (typed)";

        using var response = await admin.PostPlanAsync("/plans/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal(
            [
                "Enter a title for the plan",
                "The date the plan ends must be after the date it starts",
                "The old LA code must be 3 digits, like 332",
                "The new LA code must be a letter and 8 digits, like E08000027",
            ],
            FormPosting.Errors(page));
        Assert.Equal("West Midlands (typed)", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#RegionName")!.Value);
        Assert.Equal("2020", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='PeriodEnd.Year']")!.Value);
        Assert.Equal(plans, await factory.WithDbAsync(db => db.Plans.CountAsync(Ct)));
    }

    [Fact]
    public async Task Post_NewPlan_WithATitleTheOrganisationAlreadyUses_IsRefused()
    {
        using var admin = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var title = NewTitle("Duplicate plan");
        await factory.CreatePlanAsync(admin, title);

        using var response = await admin.PostPlanAsync("/plans/new", PlanTestData.Fields(title));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The organisation already has a plan with this title"], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Plans.CountAsync(p => p.Title == title, Ct)));
    }

    [Fact]
    public async Task Post_CopyPlan_CarriesStructureAndOpenActions_EachLinkedBackToItsOriginal()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var seeded = await factory.SeededPlanIdAsync();
        // One action complete: it stays behind.
        await factory.WithDbAsync(async db =>
        {
            var done = await db.Actions.SingleAsync(a => a.PlanId == seeded && a.Reference == "LG1", Ct);
            done.RecordApprovedProgress(ActionStatus.Complete, TrackingData.Today, updateHasEvidence: true);
            return await db.SaveChangesAsync(Ct);
        });

        var copyId = await factory.CopySeededPlanAsync(admin, NewTitle("Copied plan"));

        var (sources, copies) = await factory.WithDbAsync(async db => (
            await db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews).Include(a => a.Workstream)
                .Where(a => a.PlanId == seeded).ToListAsync(Ct),
            await db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews).Include(a => a.Workstream)
                .Where(a => a.PlanId == copyId).ToListAsync(Ct)));
        Assert.Equal(sources.Count(a => a.Status != ActionStatus.Complete), copies.Count);
        Assert.DoesNotContain(copies, a => a.Reference == "LG1");
        foreach (var copy in copies)
        {
            var original = sources.Single(a => a.Id == copy.CopiedFromActionId);
            Assert.Equal(original.Reference, copy.Reference);
            Assert.Equal(original.ActionText, copy.ActionText);
            Assert.Equal(original.LeadOfficer, copy.LeadOfficer);
            Assert.Equal(original.Workstream!.Code, copy.Workstream!.Code);
            Assert.NotEqual(original.WorkstreamId, copy.WorkstreamId);
            Assert.Equal(original.Priorities.Select(p => p.Number).Order(), copy.Priorities.Select(p => p.Number).Order());
            Assert.Equal(original.SourceReviews.Select(r => r.Code).Order(), copy.SourceReviews.Select(r => r.Code).Order());
            Assert.All(copy.Priorities, p => Assert.Equal(copyId, p.PlanId));
            Assert.Equal(ActionStatus.NotYetReported, copy.Status);
        }

        var counts = await factory.WithDbAsync(async db => new[]
        {
            (await db.Workstreams.CountAsync(w => w.PlanId == seeded, Ct), await db.Workstreams.CountAsync(w => w.PlanId == copyId, Ct)),
            (await db.Priorities.CountAsync(w => w.PlanId == seeded, Ct), await db.Priorities.CountAsync(w => w.PlanId == copyId, Ct)),
            (await db.Stages.CountAsync(w => w.PlanId == seeded, Ct), await db.Stages.CountAsync(w => w.PlanId == copyId, Ct)),
            (await db.Measures.CountAsync(w => w.PlanId == seeded, Ct), await db.Measures.CountAsync(w => w.PlanId == copyId, Ct)),
        });
        Assert.All(counts, c => Assert.Equal(c.Item1, c.Item2));
        Assert.Equal(seeded, (await factory.PlanAsync(copyId)).CopiedFromPlanId);
        Assert.Empty(await factory.WithDbAsync(db => db.MeasureActuals.Where(a => db.Measures.Any(m => m.Id == a.MeasureId && m.PlanId == copyId)).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Post_SwitchPlan_IsRememberedAcrossRequestsAndSignIns()
    {
        var director = await factory.CreateAsync(Roles.ServiceDirector);
        using var first = await factory.ClientForAsync(director);
        var seededTitle = (await factory.PlanAsync(await factory.SeededPlanIdAsync())).Title;
        Assert.Equal(seededTitle, await first.PlanShownAsync());
        var other = await factory.CreatePlanAsync(first, NewTitle("Other plan"));
        var otherTitle = (await factory.PlanAsync(other)).Title;
        await first.SwitchToAsync(await factory.SeededPlanIdAsync());
        Assert.Equal(seededTitle, await first.PlanShownAsync());

        await first.SwitchToAsync(other);

        Assert.Equal(otherTitle, await first.PlanShownAsync("/actions"));
        Assert.Equal(otherTitle, await first.PlanShownAsync("/priorities"));
        using var later = await factory.ClientForAsync(director);
        Assert.Equal(otherTitle, await later.PlanShownAsync());
        // Someone else's choice is their own.
        using var colleague = await factory.SignedInClientAsync(Roles.ServiceDirector);
        Assert.Equal(seededTitle, await colleague.PlanShownAsync());
    }

    [Fact]
    public async Task Post_SwitchToAPlanThatDoesNotExist_ReturnsNotFound()
    {
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await viewer.PostFormAsync("/plans/999999/switch");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_ArchivePlan_WithoutConfirming_ShowsErrorAndArchivesNothing()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var id = await factory.CreatePlanAsync(admin, NewTitle("Plan to keep"));
        var version = (await factory.PlanAsync(id)).Version;

        using var response = await admin.PostFormAsync($"/plans/{id}/archive", ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Confirm that the plan will no longer change"], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Equal(PlanStatus.Active, (await factory.PlanAsync(id)).Status);
    }

    [Fact]
    public async Task Post_WritesToAnArchivedPlan_AreRefusedWithAClearMessage_AndItStaysReadable()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var id = await factory.CopySeededPlanAsync(admin, NewTitle("Plan to archive"));
        var version = (await factory.PlanAsync(id)).Version;
        using (var archived = await admin.PostFormAsync($"/plans/{id}/archive", ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Confirm", "yes")))
        {
            Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        }

        Assert.Equal(PlanStatus.Archived, (await factory.PlanAsync(id)).Status);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        var editPage = await admin.GetDocumentAsync("/actions/QP21/edit");
        var fields = FormPosting.FieldsOf(editPage, "/actions/QP21/edit").With("ActionText", "Changed in an archived plan");

        using var edit = await admin.PostFormAsync("/actions/QP21/edit", fields);
        using var structure = await admin.PostFormAsync("/plan-structure/workstreams/new", ("Code", "NEW"), ("Name", "A new workstream"));

        foreach (var response in new[] { edit, structure })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This plan is archived. It can be read and reported on, but not changed",
                (await Users.ParseAsync(response)).QuerySelector("[data-testid=archived-refusal]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(audit, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
        Assert.False(await factory.WithDbAsync(db => db.Actions.AnyAsync(a => a.PlanId == id && a.ActionText == "Changed in an archived plan", Ct)));
        Assert.False(await factory.WithDbAsync(db => db.Workstreams.AnyAsync(w => w.PlanId == id && w.Code == "NEW", Ct)));
        Assert.NotNull((await admin.GetDocumentAsync("/")).QuerySelector("[data-testid=archived-tag]"));
        await admin.GetDocumentAsync("/actions/QP21");
        await admin.GetDocumentAsync("/reports");
    }

    [Fact]
    public async Task Save_ToAnArchivedPlansRows_IsRefusedByTheDataLayer()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var id = await factory.CopySeededPlanAsync(admin, NewTitle("Guarded plan"));
        await factory.ArchiveAsync(id);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => factory.WithDbAsync(async db =>
        {
            (await db.Actions.FirstAsync(a => a.PlanId == id, Ct)).OverrideDeliveryRag(Domain.Rag.Rag.Red, "Behind the archive's back");
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.Equal(Plan.ArchivedMessage, refused.Message);
        Assert.False(await factory.WithDbAsync(db => db.Actions.AnyAsync(a => a.PlanId == id && a.DeliveryRagOverride != null, Ct)));
    }

    [Fact]
    public async Task Post_UpdateByAHeadOfServiceLeadingInPlanA_OnPlanBsAction_ReturnsForbidden()
    {
        var (head, headClient) = await factory.LeadOfActionAsync("CS10");
        using (headClient)
        {
            using var admin = await factory.SignedInClientAsync(Roles.Administrator);
            var planB = await factory.CopySeededPlanAsync(admin, NewTitle("Plan B"));
            // In plan B, CS10 is led by someone else.
            var other = await factory.CreateAsync(Roles.HeadOfService);
            await factory.WithDbAsync(async db =>
            {
                (await db.Actions.SingleAsync(a => a.PlanId == planB && a.Reference == "CS10", Ct)).AssignLead(other.Id);
                return await db.SaveChangesAsync(Ct);
            });
            var updates = await factory.UpdateCountAsync();

            await headClient.SwitchToAsync(planB);
            using var response = await headClient.PostFormAsync("/actions/CS10/updates/new", UpdateTestData.Fields("Written into plan B."));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(updates, await factory.UpdateCountAsync());
            // Back in plan A, the same head of service may still write.
            await headClient.SwitchToAsync(await factory.SeededPlanIdAsync());
            using var allowed = await headClient.PostFormAsync("/actions/CS10/updates/new", UpdateTestData.Fields("Written into plan A."));
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
            Assert.NotNull(head);
        }
    }

    [Fact]
    public async Task Get_PagesOfAnEmptyPlanB_ShowNothingOfPlanA()
    {
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        await factory.CreatePlanAsync(director, NewTitle("Empty plan B"));
        var seeded = await factory.SeededPlanIdAsync();
        var references = await factory.WithDbAsync(db => db.Actions.Where(a => a.PlanId == seeded).Select(a => a.Reference).ToListAsync(Ct));
        var seededReport = await factory.WithDbAsync(db => db.Reports.Where(r => r.PlanId == seeded).Select(r => r.Title).FirstAsync(Ct));

        var csv = await director.GetStringAsync(new Uri("/export/actions.csv", UriKind.Relative), Ct);
        var list = (await director.GetDocumentAsync("/actions")).QuerySelector("main")!.TextContent;
        var reports = (await director.GetDocumentAsync("/reports")).QuerySelector("main")!.TextContent;
        var priorities = (await director.GetDocumentAsync("/priorities")).QuerySelector("main")!.TextContent;

        Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(seededReport, reports, StringComparison.Ordinal);
        foreach (var priority in await factory.WithDbAsync(db => db.Priorities.Where(p => p.PlanId == seeded).Select(p => p.Title).ToListAsync(Ct)))
        {
            Assert.DoesNotContain(priority, priorities, StringComparison.Ordinal);
        }

        foreach (var reference in new[] { "LG1", "QP21", "E57" })
        {
            Assert.Contains(reference, references);
            Assert.DoesNotContain(reference + ":", list, StringComparison.Ordinal);
            Assert.DoesNotContain($"/actions/{reference}\"", await director.GetStringAsync(new Uri("/actions", UriKind.Relative), Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_Plans_ListsEveryPlanWithItsStatus_AndOnlyManagersSeeCreateCopyArchive()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var archived = await factory.CreatePlanAsync(admin, NewTitle("Old plan"));
        await factory.ArchiveAsync(archived);
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var viewerPage = await viewer.GetDocumentAsync("/plans");
        var adminPage = await admin.GetDocumentAsync("/plans");

        Assert.Equal("Archived", viewerPage.QuerySelector($"[data-testid=plan-{archived}] [data-testid=status] .govuk-tag")!.TextContent.Trim());
        Assert.NotNull(viewerPage.QuerySelector($"[data-testid=switch-{archived}]"));
        Assert.Null(viewerPage.QuerySelector("[data-testid=new-plan]"));
        Assert.Null(viewerPage.QuerySelector("a[href$='/copy']"));
        Assert.NotNull(adminPage.QuerySelector("[data-testid=new-plan]"));
        Assert.NotNull(adminPage.QuerySelector($"a[href='/plans/{archived}/copy']"));
        Assert.Null(adminPage.QuerySelector($"a[href='/plans/{archived}/archive']"));
    }
}
