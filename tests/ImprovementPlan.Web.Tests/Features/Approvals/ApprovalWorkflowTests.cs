using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Updates;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Features.Approvals;

public sealed class ApprovalWorkflowTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<HttpClient> ServiceDirectorAsync() => factory.SignedInClientAsync(Roles.ServiceDirector);

    private Task<ActionStatus> StatusAsync(string reference) =>
        factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == reference).Select(a => a.Status).SingleAsync(Ct));

    private Task<List<string>> AuditedStatesAsync(int id) =>
        factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "ProgressUpdate" && e.EntityKey == id.ToString(CultureInfo.InvariantCulture) && e.Operation == "Modified")
            .OrderBy(e => e.Id).Select(e => e.Changes!).ToListAsync(Ct));

    private static Dictionary<string, string> Decision(int version, string? comment = null) => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Comment"] = comment ?? "",
    };

    [Fact]
    public async Task Workflow_DraftSubmitReturnEditResubmitApprove_MovesThroughEachStateAndAppliesTheStatus()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM36");
        using var director = await ServiceDirectorAsync();
        var fields = Fields("Recruited two practice leads.");
        fields["Status"] = "InProgress";

        // Draft
        using var created = await lead.PostFormAsync("/actions/PM36/updates/new", fields);
        var id = RedirectedUpdateId(created);
        Assert.Equal(UpdateState.Draft, (await factory.UpdateAsync(id))!.State);
        var added = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "ProgressUpdate" && e.Operation == "Added" && e.Changes!.Contains("Recruited two practice leads."))
            .CountAsync(Ct));
        Assert.Equal(1, added);

        // Submit: it waits on the Service Director's list
        using var submitted = await lead.PostFieldsAsync($"/updates/{id}/submit");
        Assert.Equal(UpdateState.Submitted, (await factory.UpdateAsync(id))!.State);
        var approvals = await director.GetDocumentAsync("/approvals");
        Assert.Contains(approvals.QuerySelectorAll("[data-testid=waiting-update] a"), a => a.GetAttribute("href") == $"/updates/{id}");

        // Return without a comment: refused
        var version = (await factory.UpdateAsync(id))!.Version;
        using var noComment = await director.PostFieldsAsync($"/updates/{id}/return", Decision(version));
        Assert.Equal(["Enter a comment saying what needs to change"], await ErrorsAsync(noComment));
        Assert.Equal(UpdateState.Submitted, (await factory.UpdateAsync(id))!.State);

        // Return with a comment: back to the author, who sees it
        using var returned = await director.PostFieldsAsync($"/updates/{id}/return", Decision(version, "Say how many posts are still vacant."));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var afterReturn = await factory.UpdateAsync(id);
        Assert.Equal(UpdateState.Returned, afterReturn!.State);
        Assert.Equal("Say how many posts are still vacant.", afterReturn.ReviewComment);
        Assert.Equal(ActionStatus.NotYetReported, await StatusAsync("PM36"));
        var mine = await lead.GetDocumentAsync("/updates/mine");
        Assert.Contains("Say how many posts are still vacant.", mine.QuerySelector("[data-testid=returned-table]")!.TextContent, StringComparison.Ordinal);
        var shown = await lead.GetDocumentAsync($"/updates/{id}");
        Assert.Contains("Say how many posts are still vacant.", shown.QuerySelector("[data-testid=review-comment]")!.TextContent, StringComparison.Ordinal);

        // Edit the returned update
        var edit = Fields("Recruited two practice leads; one post is still vacant.");
        edit["Status"] = "InProgress";
        edit["Version"] = afterReturn.Version.ToString(CultureInfo.InvariantCulture);
        using var edited = await lead.PostFormAsync($"/updates/{id}/edit", edit);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var afterEdit = await factory.UpdateAsync(id);
        Assert.Equal(UpdateState.Returned, afterEdit!.State);
        Assert.Equal("Recruited two practice leads; one post is still vacant.", afterEdit.Narrative);

        // Resubmit
        using var resubmitted = await lead.PostFieldsAsync($"/updates/{id}/submit");
        var afterResubmit = await factory.UpdateAsync(id);
        Assert.Equal(UpdateState.Submitted, afterResubmit!.State);

        // Approve: the action takes the proposed status in the same save
        using var approved = await director.PostFieldsAsync($"/updates/{id}/approve", Decision(afterResubmit.Version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var afterApprove = await factory.UpdateAsync(id);
        Assert.Equal(UpdateState.Approved, afterApprove!.State);
        Assert.Equal("Test ServiceDirector", afterApprove.ReviewerName);
        Assert.Equal(ActionStatus.InProgress, await StatusAsync("PM36"));

        // Every change is in the audit trail, in order
        var changes = await AuditedStatesAsync(id);
        Assert.Equal(5, changes.Count);
        Assert.Contains("\"New\":\"Submitted\"", changes[0], StringComparison.Ordinal);
        Assert.Contains("\"New\":\"Returned\"", changes[1], StringComparison.Ordinal);
        Assert.Contains("one post is still vacant", changes[2], StringComparison.Ordinal);
        Assert.Contains("\"New\":\"Submitted\"", changes[3], StringComparison.Ordinal);
        Assert.Contains("\"New\":\"Approved\"", changes[4], StringComparison.Ordinal);
        var actionAudit = await factory.WithDbAsync(db => db.AuditEntries
            .CountAsync(e => e.EntityType == "Action" && e.EntityKey == "PM36" && e.Changes!.Contains("\"New\":\"InProgress\""), Ct));
        Assert.Equal(1, actionAudit);

        // Once approved, everyone may read it; nobody may change it
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var public_ = await viewer.GetDocumentAsync($"/updates/{id}");
        Assert.Equal("Approved", public_.QuerySelector("[data-testid=state]")!.TextContent);
        using var lateEdit = await lead.GetAsync(new Uri($"/updates/{id}/edit", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, lateEdit.StatusCode);
    }

    [Fact]
    public async Task Submit_ProposingCompleteWithoutEvidence_IsRefusedSoTheDirectorIsNeverStuck()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM37");
        var fields = Fields("All done.", "Submit");
        fields["Status"] = "Complete";
        var before = await factory.UpdateCountAsync();

        using var refused = await lead.PostFormAsync("/actions/PM37/updates/new", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([ProgressUpdate.CompleteNeedsEvidence], await ErrorsAsync(refused));
        Assert.Equal(before, await factory.UpdateCountAsync());

        // Saved as a draft it is kept; submitting it from its page leads back to the form with the reason.
        fields["Intent"] = "Draft";
        using var drafted = await lead.PostFormAsync("/actions/PM37/updates/new", fields);
        var id = RedirectedUpdateId(drafted);
        using var submit = await lead.PostFieldsAsync($"/updates/{id}/submit");

        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal([ProgressUpdate.CompleteNeedsEvidence], await ErrorsAsync(submit));
        Assert.Equal(UpdateState.Draft, (await factory.UpdateAsync(id))!.State);
        Assert.Equal(ActionStatus.NotYetReported, await StatusAsync("PM37"));
    }

    [Fact]
    public async Task Approve_ProposingCompleteWithEvidence_MarksTheActionComplete()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM38");
        using var director = await ServiceDirectorAsync();
        var fields = Fields("All done.", "Submit");
        fields["Status"] = "Complete";
        using var created = await lead.PostFormAsync("/actions/PM38/updates/new", fields, ("closure-report.pdf", Pdf()));
        var id = RedirectedUpdateId(created);

        using var response = await director.PostFieldsAsync($"/updates/{id}/approve", Decision((await factory.UpdateAsync(id))!.Version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ActionStatus.Complete, await StatusAsync("PM38"));
        var completedOn = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "PM38").Select(a => a.CompletedOn).SingleAsync(Ct));
        Assert.Equal(new DateOnly(2021, 3, 1), completedOn);
    }

    [Fact]
    public async Task Approve_Twice_ApprovesOnce()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM39");
        using var director = await ServiceDirectorAsync();
        using var created = await lead.PostFormAsync("/actions/PM39/updates/new", Fields("Done some.", "Submit"));
        var id = RedirectedUpdateId(created);
        var version = (await factory.UpdateAsync(id))!.Version;

        using var first = await director.PostFieldsAsync($"/updates/{id}/approve", Decision(version));
        var afterFirst = await factory.UpdateAsync(id);
        using var second = await director.PostFieldsAsync($"/updates/{id}/approve", Decision(version));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var afterSecond = await factory.UpdateAsync(id);
        Assert.Equal(UpdateState.Approved, afterSecond!.State);
        Assert.Equal(afterFirst!.Version, afterSecond.Version);
    }

    [Fact]
    public async Task Approve_Draft_IsNotPossible()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM40");
        using var director = await ServiceDirectorAsync();
        using var created = await lead.PostFormAsync("/actions/PM40/updates/new", Fields("Just a draft."));
        var id = RedirectedUpdateId(created);

        using var response = await director.PostFieldsAsync($"/updates/{id}/approve", Decision((await factory.UpdateAsync(id))!.Version));

        Assert.Equal(UpdateState.Draft, (await factory.UpdateAsync(id))!.State);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Viewer)]
    public async Task ApprovalsAndDecisions_NotTheServiceDirector_ReturnForbidden(string role)
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM41");
        using var created = await lead.PostFormAsync("/actions/PM41/updates/new", Fields("Waiting.", "Submit"));
        var id = RedirectedUpdateId(created);
        using var client = await factory.SignedInClientAsync(role);
        var version = (await factory.UpdateAsync(id))!.Version;

        using var list = await client.GetAsync(new Uri("/approvals", UriKind.Relative), Ct);
        using var approve = await client.PostFieldsAsync($"/updates/{id}/approve", Decision(version));
        using var returned = await client.PostFieldsAsync($"/updates/{id}/return", Decision(version, "No."));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, returned.StatusCode);
        Assert.Equal(UpdateState.Submitted, (await factory.UpdateAsync(id))!.State);
    }

    [Fact]
    public async Task Approve_LeadOfTheActionApprovingTheirOwnUpdate_ReturnsForbidden()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM42");
        using var created = await lead.PostFormAsync("/actions/PM42/updates/new", Fields("Mine.", "Submit"));
        var id = RedirectedUpdateId(created);

        using var response = await lead.PostFieldsAsync($"/updates/{id}/approve", Decision((await factory.UpdateAsync(id))!.Version));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(UpdateState.Submitted, (await factory.UpdateAsync(id))!.State);
    }

    [Fact]
    public async Task Get_Approvals_ListsSubmittedUpdatesOldestFirstWithPendingDueDateChanges()
    {
        var (_, lead) = await factory.LeadOfActionAsync("PM43");
        using var first = await lead.PostFormAsync("/actions/PM43/updates/new", Fields("Older.", "Submit"));
        var olderId = RedirectedUpdateId(first);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await lead.PostFormAsync("/actions/PM43/updates/new", Fields("Newer.", "Submit"));
        var newerId = RedirectedUpdateId(second);
        using var draft = await lead.PostFormAsync("/actions/PM43/updates/new", Fields("Not submitted."));
        var draftId = RedirectedUpdateId(draft);
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "PM43", Ct);
            db.DueDateChanges.Add(new DueDateChange(action.Id, action.DueDate, new DateOnly(2021, 12, 31), "Recruitment delayed.", null, "Test", AppFactory.Now.UtcDateTime));
            return await db.SaveChangesAsync(Ct);
        });
        using var director = await ServiceDirectorAsync();

        var page = await director.GetDocumentAsync("/approvals");

        var links = page.QuerySelectorAll("[data-testid=waiting-update] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(links.IndexOf($"/updates/{olderId}") < links.IndexOf($"/updates/{newerId}"));
        Assert.DoesNotContain($"/updates/{draftId}", links);
        var pending = await factory.WithDbAsync(db => db.DueDateChanges.CountAsync(c => c.State == DueDateChangeState.Pending, Ct));
        var dueDates = page.QuerySelector("[data-testid=due-date-changes] a")!;
        Assert.Equal("/due-date-changes", dueDates.GetAttribute("href"));
        Assert.StartsWith($"{pending} due-date", dueDates.TextContent, StringComparison.Ordinal);
    }
}
