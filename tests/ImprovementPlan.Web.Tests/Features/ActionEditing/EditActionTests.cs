using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.ActionEditing;

public sealed class EditActionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Edit_ShowsTheSavedColumns()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var saved = await ActionAsync("LG5");

        var page = await client.GetDocumentAsync("/actions/LG5/edit");

        var fields = FormPosting.FieldsOf(page, "/actions/LG5/edit");
        Assert.Equal(saved.ActionText, fields.Single(f => f.Key == "ActionText").Value);
        Assert.Equal(saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.Single(f => f.Key == "Version").Value);
        Assert.Equal(saved.WorkstreamId.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.Single(f => f.Key == "WorkstreamId").Value);
        Assert.DoesNotContain(fields, f => f.Key is "DueDate" or "Status" or "DeliveryRagOverride");
    }

    [Fact]
    public async Task Post_Edit_SavesTheColumnsAndRecordsOldAndNewInTheAuditTrail()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var before = await ActionAsync("LG1");
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/LG1/edit"), "/actions/LG1/edit")
            .With("ActionText", "Refresh the governance arrangements")
            .With("SeniorResponsibleOfficer", "Director of Children’s Services");

        using var response = await client.PostFormAsync("/actions/LG1/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/actions/LG1", response.Headers.Location!.OriginalString);
        var after = await ActionAsync("LG1");
        Assert.Equal("Refresh the governance arrangements", after.ActionText);
        Assert.Equal("Director of Children’s Services", after.SeniorResponsibleOfficer);
        Assert.Equal(before.Version + 1, after.Version);
        var entry = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "Action" && e.EntityKey == "LG1" && e.Operation == "Modified").OrderBy(e => e.Id).LastAsync(Ct));
        var change = JsonDocument.Parse(entry.Changes!).RootElement.EnumerateArray().Single(c => c.GetProperty("Field").GetString() == "ActionText");
        Assert.Equal(before.ActionText, change.GetProperty("Old").GetString());
        Assert.Equal("Refresh the governance arrangements", change.GetProperty("New").GetString());
        Assert.Contains(Roles.ServiceDirector, entry.Roles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Edit_MissingActionAndOverlongOfficer_ShowsErrorsAndSavesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await ActionAsync("LG2");
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/LG2/edit"), "/actions/LG2/edit")
            .With("ActionText", "  ")
            .With("LeadOfficer", new string('x', 301))
            .With("WorkstreamId", "");

        using var response = await client.PostFormAsync("/actions/LG2/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal(["Enter the action", "Select a workstream", "The lead officer must be 300 characters or fewer"],
            FormPosting.Errors(page).Order(StringComparer.Ordinal));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(new string('x', 301), page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#LeadOfficer")!.Value);
        Assert.Equal(before.Version, (await ActionAsync("LG2")).Version);
    }

    [Fact]
    public async Task Post_Edit_OverPostedDueDateStatusAndRatings_ChangesNothingButTheColumns()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await ActionAsync("LG3");
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/LG3/edit"), "/actions/LG3/edit")
            .With("DueDate", "2030-01-01").With("DueDate.Day", "1").With("DueDate.Month", "1").With("DueDate.Year", "2030")
            .With("OriginalDueDate", "2030-01-01")
            .With("Status", "Complete")
            .With("CompletedOn", "2021-01-01")
            .With("EmbeddedConfirmedOn", "2021-01-01")
            .With("DeliveryRagOverride", "Blue").With("DeliveryRagOverrideReason", "Tampered")
            .With("ImpactRag", "Green")
            .With("Reference", "XX1")
            .With("Outcome", "A changed outcome");

        using var response = await client.PostFormAsync("/actions/LG3/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ActionAsync("LG3");
        Assert.Equal("A changed outcome", after.Outcome);
        Assert.Equal(before.DueDate, after.DueDate);
        Assert.Equal(before.OriginalDueDate, after.OriginalDueDate);
        Assert.Equal(ActionStatus.NotYetReported, after.Status);
        Assert.Null(after.CompletedOn);
        Assert.Null(after.EmbeddedConfirmedOn);
        Assert.Null(after.DeliveryRagOverride);
        Assert.Null(after.ImpactRag);
    }

    [Fact]
    public async Task Post_Edit_StaleForm_Returns409ShowingBothVersionsAndKeepsTheFirstSave_ThenResavingApplies()
    {
        using var first = await factory.SignedInClientAsync(Roles.Administrator);
        using var second = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var firstForm = FormPosting.FieldsOf(await first.GetDocumentAsync("/actions/LG4/edit"), "/actions/LG4/edit");
        var secondForm = FormPosting.FieldsOf(await second.GetDocumentAsync("/actions/LG4/edit"), "/actions/LG4/edit");

        using var firstSave = await first.PostFormAsync("/actions/LG4/edit", firstForm.With("Outcome", "The first person’s outcome"));
        using var secondSave = await second.PostFormAsync("/actions/LG4/edit", secondForm.With("Outcome", "The second person’s outcome"));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var conflict = await Users.ParseAsync(secondSave);
        var row = Assert.Single(conflict.QuerySelectorAll("[data-testid=conflict] tbody tr"));
        Assert.Equal("Outcome", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("The second person’s outcome", row.QuerySelector("[data-testid=yours]")!.TextContent.Trim());
        Assert.Equal("The first person’s outcome", row.QuerySelector("[data-testid=saved]")!.TextContent.Trim());
        Assert.Equal("The first person’s outcome", (await ActionAsync("LG4")).Outcome);

        // The conflict page keeps the second person's values, with the saved version: saving again applies them.
        var resubmit = FormPosting.FieldsOf(conflict, "/actions/LG4/edit");
        Assert.Equal("The second person’s outcome", resubmit.Single(f => f.Key == "Outcome").Value);
        using var again = await second.PostFormAsync("/actions/LG4/edit", resubmit);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("The second person’s outcome", (await ActionAsync("LG4")).Outcome);
    }

    [Fact]
    public async Task Post_Edit_StaleFormChangingOnlyPriorities_IsAlsoAConflict()
    {
        using var first = await factory.SignedInClientAsync(Roles.Administrator);
        using var second = await factory.SignedInClientAsync(Roles.Administrator);
        var firstForm = FormPosting.FieldsOf(await first.GetDocumentAsync("/actions/CS6/edit"), "/actions/CS6/edit");
        var secondForm = FormPosting.FieldsOf(await second.GetDocumentAsync("/actions/CS6/edit"), "/actions/CS6/edit");
        var priorityIds = await factory.WithDbAsync(db => db.Priorities.OrderBy(p => p.Number).Select(p => p.Id).ToListAsync(Ct));

        using var firstSave = await first.PostFormAsync("/actions/CS6/edit", firstForm.With("Timeframe", "Spring 2021"));
        secondForm.RemoveAll(f => f.Key == "PriorityIds");
        secondForm.Add(new("PriorityIds", priorityIds[8].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var secondSave = await second.PostFormAsync("/actions/CS6/edit", secondForm);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Actions.Include(a => a.Priorities).SingleAsync(a => a.Reference == "CS6", Ct));
        Assert.DoesNotContain(saved.Priorities, p => p.Id == priorityIds[8]);
    }

    [Fact]
    public async Task Post_Edit_PrioritiesReviewsAndLead_AreSaved()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var head = await factory.CreateAsync(Roles.HeadOfService);
        var (priorityIds, reviewIds) = await factory.WithDbAsync(async db => (
            await db.Priorities.OrderBy(p => p.Number).Select(p => p.Id).Take(2).ToListAsync(Ct),
            await db.SourceReviews.OrderBy(r => r.Id).Select(r => r.Id).Take(1).ToListAsync(Ct)));
        var page = await client.GetDocumentAsync("/actions/CS7/edit");
        Assert.NotNull(page.QuerySelector($"#LeadUserId option[value='{head.Id}']"));
        var fields = FormPosting.FieldsOf(page, "/actions/CS7/edit").With("LeadUserId", head.Id);
        fields.RemoveAll(f => f.Key is "PriorityIds" or "SourceReviewIds");
        fields.AddRange(priorityIds.Select(id => new KeyValuePair<string, string>("PriorityIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange(reviewIds.Select(id => new KeyValuePair<string, string>("SourceReviewIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        using var response = await client.PostFormAsync("/actions/CS7/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Actions.Include(a => a.Priorities).Include(a => a.SourceReviews).SingleAsync(a => a.Reference == "CS7", Ct));
        Assert.Equal(priorityIds, saved.Priorities.Select(p => p.Id).Order());
        Assert.Equal(reviewIds, saved.SourceReviews.Select(r => r.Id).Order());
        Assert.Equal(head.Id, saved.LeadUserId);
    }

    [Fact]
    public async Task Post_Edit_LeadWhoIsNotAHeadOfService_IsRefused()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var clerk = await factory.CreateAsync(Roles.CommitteeClerk);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/CS8/edit"), "/actions/CS8/edit").With("LeadUserId", clerk.Id);

        using var response = await client.PostFormAsync("/actions/CS8/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select a head of service from the list, or no one"], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Null((await ActionAsync("CS8")).LeadUserId);
    }

    [Fact]
    public async Task Get_Edit_UnknownAction_ReturnsNotFound()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await client.GetAsync(new Uri("/actions/ZZ404/edit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_New_AddsTheActionAtTheEndOfThePlan()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var workstreamId = await factory.WithDbAsync(db => db.Workstreams.Where(w => w.Code == "QP").Select(w => w.Id).SingleAsync(Ct));
        var lastSequence = await factory.WithDbAsync(db => db.Actions.MaxAsync(a => a.Sequence, Ct));

        using var response = await client.PostFormAsync("/actions/new",
            ("Reference", "qp58"), ("WorkstreamId", workstreamId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ActionText", "Audit the quality of supervision"), ("DueDate.Day", "30"), ("DueDate.Month", "6"), ("DueDate.Year", "2021"),
            ("LeadUserId", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/actions/QP58", response.Headers.Location!.OriginalString);
        var added = await ActionAsync("QP58");
        Assert.Equal("Audit the quality of supervision", added.ActionText);
        Assert.Equal(new DateOnly(2021, 6, 30), added.DueDate);
        Assert.Equal(new DateOnly(2021, 6, 30), added.OriginalDueDate);
        Assert.Equal(lastSequence + 1, added.Sequence);
        Assert.Equal(ActionStatus.NotYetReported, added.Status);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityKey == "QP58" && e.Operation == "Added", Ct)));
    }

    [Theory]
    [InlineData("", "Enter a reference")]
    [InlineData("QP21", "Reference QP21 is already used")]
    [InlineData("21QP", "Enter a reference of letters then numbers, like QP58")]
    public async Task Post_New_BadReference_ShowsTheError(string reference, string message)
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var count = await factory.WithDbAsync(db => db.Actions.CountAsync(Ct));
        var workstreamId = await factory.WithDbAsync(db => db.Workstreams.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct));

        using var response = await client.PostFormAsync("/actions/new",
            ("Reference", reference), ("WorkstreamId", workstreamId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ActionText", "Something"), ("DueDate.Day", "1"), ("DueDate.Month", "7"), ("DueDate.Year", "2021"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Equal(count, await factory.WithDbAsync(db => db.Actions.CountAsync(Ct)));
    }

    [Fact]
    public async Task Post_New_MissingFields_ShowsEveryError()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await client.PostFormAsync("/actions/new", ("Reference", "E99"), ("DueDate.Day", "31"), ("DueDate.Month", "2"), ("DueDate.Year", "2021"));

        var page = await Users.ParseAsync(response);
        Assert.Equal(["Enter the action", "Select a workstream", "The due date must be a real date"], FormPosting.Errors(page).Order(StringComparer.Ordinal));
        Assert.Equal("31", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#DueDate")!.Value);
    }

    private Task<ImprovementAction> ActionAsync(string reference) =>
        factory.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Reference == reference, Ct));
}
