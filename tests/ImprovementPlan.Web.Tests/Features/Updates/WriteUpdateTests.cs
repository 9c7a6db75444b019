using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;
using TestUsers = ImprovementPlan.Web.Tests.Infrastructure.Users;

namespace ImprovementPlan.Web.Tests.Features.Updates;

public sealed class WriteUpdateTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Get_NewUpdate_LeadOfTheAction_ShowsTheForm()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP12");

        var page = await client.GetDocumentAsync("/actions/QP12/updates/new");

        Assert.Equal("Write an update", page.QuerySelector("h1")!.TextContent);
        var form = page.QuerySelector("[data-testid=update-form]")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(page.QuerySelector("textarea[name=Narrative]"));
        Assert.NotNull(page.QuerySelector("input[type=file].govuk-file-upload[name=Files]"));
        Assert.Equal(4, page.QuerySelectorAll("input[name=Status]").Length);
        Assert.Equal("Save as draft", page.QuerySelector("[data-testid=save-draft]")!.TextContent);
        Assert.Equal("Submit to the Service Director", page.QuerySelector("[data-testid=submit]")!.TextContent);
    }

    [Fact]
    public async Task Post_NewUpdate_LeadOfTheAction_SavesADraftDatedToday()
    {
        var (user, client) = await factory.LeadOfActionAsync("QP13");
        var fields = Fields();
        fields["DeliveryRag"] = "Amber";
        fields["Status"] = "InProgress";
        fields["LinkTitle1"] = "Audit summary";
        fields["LinkUrl1"] = "https://intranet.example.org/audit";

        using var response = await client.PostFormAsync("/actions/QP13/updates/new", fields);

        var id = RedirectedUpdateId(response);
        var update = await factory.UpdateAsync(id);
        Assert.NotNull(update);
        Assert.Equal(UpdateState.Draft, update.State);
        Assert.Equal(await factory.ActionIdAsync("QP13"), update.ActionId);
        Assert.Equal(user.Id, update.AuthorUserId);
        Assert.Equal(new DateOnly(2021, 3, 1), update.AsAt);
        Assert.Equal("We audited 40 case files.", update.Narrative);
        Assert.Equal(Domain.Rag.Rag.Amber, update.ProposedDeliveryRag);
        Assert.Null(update.ProposedImpactRag);
        Assert.Equal(ActionStatus.InProgress, update.ProposedStatus);
        var link = Assert.Single(update.Evidence);
        Assert.Equal(("Audit summary", "https://intranet.example.org/audit"), (link.Title, link.Url));

        var page = await client.GetDocumentAsync($"/updates/{id}");
        Assert.Equal("Your update has been saved as a draft", page.QuerySelector("[data-testid=notification] p")!.TextContent.Trim());
        Assert.Equal("Draft", page.QuerySelector("[data-testid=state]")!.TextContent);
    }

    [Fact]
    public async Task Post_NewUpdateOnPriority_LeadOfThePriority_SavesIt()
    {
        var user = await factory.CreateAsync(Roles.HeadOfService);
        await factory.WithDbAsync(async db =>
        {
            (await db.Priorities.SingleAsync(p => p.Number == 4, Ct)).AssignLead(user.Id);
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInAsync(user);

        var page = await client.GetDocumentAsync("/priorities/4/updates/new");
        Assert.Empty(page.QuerySelectorAll("input[name=Status]"));
        using var response = await client.PostFormAsync("/priorities/4/updates/new", Fields("Priority 4 progress.", "Submit"));

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        Assert.NotNull(update);
        Assert.Null(update.ActionId);
        Assert.NotNull(update.PriorityId);
        Assert.Equal(UpdateState.Submitted, update.State);
        Assert.Null(update.ProposedStatus);
    }

    [Fact]
    public async Task GetAndPost_UpdateOnActionNotLed_ReturnsForbiddenAndSavesNothing()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP14");
        var before = await factory.UpdateCountAsync();

        using var get = await client.GetAsync(new Uri("/actions/QP15/updates/new", UriKind.Relative), Ct);
        using var post = await client.PostFormAsync("/actions/QP15/updates/new", Fields());

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_UpdateOnPriorityNotLed_ReturnsForbidden()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP16");

        using var get = await client.GetAsync(new Uri("/priorities/5/updates/new", UriKind.Relative), Ct);
        using var post = await client.PostFormAsync("/priorities/5/updates/new", Fields());

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.CommitteeClerk)]
    [InlineData(Roles.PerformanceOfficer)]
    public async Task GetAndPost_NewUpdate_RoleThatCannotWriteUpdates_ReturnsForbidden(string role)
    {
        using var client = await factory.SignedInClientAsync(role);
        var before = await factory.UpdateCountAsync();

        using var get = await client.GetAsync(new Uri("/actions/QP17/updates/new", UriKind.Relative), Ct);
        using var post = await client.PostFormAsync("/actions/QP17/updates/new", Fields());

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_NewUpdate_WithoutAntiforgeryToken_ReturnsBadRequest()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP18");
        var before = await factory.UpdateCountAsync();
        using var content = new FormUrlEncodedContent(Fields());

        using var response = await client.PostAsync(new Uri("/actions/QP18/updates/new", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_NewUpdate_NonexistentAction_ReturnsNotFound()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP19");

        using var response = await client.PostFormAsync("/actions/XX99/updates/new", Fields());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_NewUpdate_MissingOrTooLongText_ShowsTheErrorsAndSavesNothing()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP20");
        var before = await factory.UpdateCountAsync();

        using var missing = await client.PostFormAsync("/actions/QP20/updates/new", Fields("   "));
        using var tooLong = await client.PostFormAsync("/actions/QP20/updates/new", Fields(new string('a', 10_001)));

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal(["Enter what you have done"], await ErrorsAsync(missing));
        Assert.Equal(["Narrative must be 10,000 characters or fewer"], await ErrorsAsync(tooLong));
        Assert.Equal(before, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_NewUpdate_SeveralErrors_AreAllSummarisedAndTheInputKept()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP35");
        var fields = Fields("");
        fields["LinkTitle1"] = "Audit";
        fields["LinkUrl1"] = "intranet/audit";
        fields["DeliveryRag"] = "Purple";

        using var response = await client.PostFormAsync("/actions/QP35/updates/new", fields);

        Assert.Equal(
            ["Enter a link that starts with http:// or https://", "Enter what you have done", "Select a proposed delivery rating, or No change"],
            (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
        var page = await TestUsers.ParseAsync(response);
        Assert.Equal("intranet/audit", page.QuerySelector("input#LinkUrl1")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_NewUpdate_ExactlyTenThousandCharacters_IsSaved()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP21");

        using var response = await client.PostFormAsync("/actions/QP21/updates/new", Fields(new string('a', 10_000)));

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        Assert.Equal(10_000, update!.Narrative.Length);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("intranet/audit")]
    [InlineData("")]
    public async Task Post_NewUpdate_LinkThatIsNotHttp_ShowsTheErrorAndSavesNothing(string url)
    {
        var (_, client) = await factory.LeadOfActionAsync("QP22");
        var before = await factory.UpdateCountAsync();
        var fields = Fields();
        fields["LinkTitle2"] = "Audit";
        fields["LinkUrl2"] = url;

        using var response = await client.PostFormAsync("/actions/QP22/updates/new", fields);

        Assert.Equal(["Enter a link that starts with http:// or https://"], await ErrorsAsync(response));
        var page = await TestUsers.ParseAsync(response);
        Assert.Equal("#LinkUrl2", page.QuerySelector("[data-testid=error-summary] a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("input#LinkUrl2.govuk-input--error"));
        Assert.Equal(before, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_NewUpdate_OverPostedAuthorStateAndRecord_AreIgnored()
    {
        var (user, client) = await factory.LeadOfActionAsync("QP23");
        var other = await factory.CreateAsync(Roles.HeadOfService);
        var fields = Fields();
        fields["AuthorUserId"] = other.Id;
        fields["AuthorName"] = "Someone else";
        fields["State"] = "Approved";
        fields["ActionId"] = (await factory.ActionIdAsync("QP24")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["PriorityId"] = "1";
        fields["ReviewComment"] = "Approved already";

        using var response = await client.PostFormAsync("/actions/QP23/updates/new", fields);

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        Assert.NotNull(update);
        Assert.Equal(user.Id, update.AuthorUserId);
        Assert.Equal("Test HeadOfService", update.AuthorName);
        Assert.Equal(UpdateState.Draft, update.State);
        Assert.Equal(await factory.ActionIdAsync("QP23"), update.ActionId);
        Assert.Null(update.PriorityId);
        Assert.Null(update.ReviewComment);
    }

    [Fact]
    public async Task Post_NewUpdate_TamperedReferenceToAnActionNotLed_ReturnsForbidden()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP25");
        var before = await factory.UpdateCountAsync();
        var page = await client.GetDocumentAsync("/actions/QP25/updates/new");
        Assert.NotNull(page.QuerySelector("[data-testid=update-form]"));

        // The form was opened on the lead's own action; the post goes to another action's address.
        var fields = Fields();
        fields["reference"] = "QP25";
        using var response = await client.PostFormAsync("/actions/QP26/updates/new", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_NewUpdate_ReferenceTamperedInTheForm_IsIgnored()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP33");
        var fields = Fields();
        fields["reference"] = "QP34";

        using var response = await client.PostFormAsync("/actions/QP33/updates/new", fields);

        var update = await factory.UpdateAsync(RedirectedUpdateId(response));
        Assert.Equal(await factory.ActionIdAsync("QP33"), update!.ActionId);
    }

    [Fact]
    public async Task EditAndSubmit_SomeoneElsesUpdate_ReturnsForbiddenAndChangesNothing()
    {
        var (_, author) = await factory.LeadOfActionAsync("QP27");
        using var created = await author.PostFormAsync("/actions/QP27/updates/new", Fields("The author's words."));
        var id = RedirectedUpdateId(created);
        var (_, intruder) = await factory.LeadOfActionAsync("QP28");
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        using var getEdit = await intruder.GetAsync(new Uri($"/updates/{id}/edit", UriKind.Relative), Ct);
        using var postEdit = await intruder.PostFormAsync($"/updates/{id}/edit", Fields("Overwritten."));
        using var submit = await intruder.PostFieldsAsync($"/updates/{id}/submit");
        using var view = await intruder.GetAsync(new Uri($"/updates/{id}", UriKind.Relative), Ct);
        using var viewerView = await viewer.GetAsync(new Uri($"/updates/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, getEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, postEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerView.StatusCode);
        var update = await factory.UpdateAsync(id);
        Assert.Equal("The author's words.", update!.Narrative);
        Assert.Equal(UpdateState.Draft, update.State);
    }

    [Fact]
    public async Task Post_Edit_TwoSavesFromTheSameVersion_SecondSeesTheConflictAndTheFirstIsKept()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP29");
        using var created = await client.PostFormAsync("/actions/QP29/updates/new", Fields("First draft."));
        var id = RedirectedUpdateId(created);
        var form = await client.GetDocumentAsync($"/updates/{id}/edit");
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var first = Fields("Saved in the first tab.");
        first["Version"] = version;
        var second = Fields("Typed in the second tab.");
        second["Version"] = version;
        using var firstResponse = await client.PostFormAsync($"/updates/{id}/edit", first);
        using var secondResponse = await client.PostFormAsync($"/updates/{id}/edit", second);

        Assert.Equal(HttpStatusCode.Redirect, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondResponse.StatusCode);
        var page = await TestUsers.ParseAsync(secondResponse);
        Assert.Equal("This update has been changed since you opened it", page.QuerySelector("[data-testid=conflict] h2")!.TextContent);
        Assert.Equal("Saved in the first tab.", page.QuerySelector("[data-testid=narrative]")!.TextContent);
        Assert.Equal("Typed in the second tab.", page.QuerySelector("textarea[name=Narrative]")!.TextContent);
        var update = await factory.UpdateAsync(id);
        Assert.Equal("Saved in the first tab.", update!.Narrative);
        // Saving again from the conflict page is a deliberate choice, made on the current version.
        Assert.Equal(update.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("input[name=Version]")!.GetAttribute("value"));
    }

    /// <summary>The fields of the new-update form as the page renders it, with its one-time key.</summary>
    private static async Task<Dictionary<string, string>> NewFormFieldsAsync(HttpClient client, string reference, string narrative,
        string intent = "Draft")
    {
        var page = await client.GetDocumentAsync($"/actions/{reference}/updates/new");
        var key = page.QuerySelector("[data-testid=update-form] input[name=FormKey]")!.GetAttribute("value")!;
        Assert.True(Guid.TryParse(key, out _), $"The form's key '{key}' is not a GUID.");
        var fields = Fields(narrative, intent);
        fields["FormKey"] = key;
        return fields;
    }

    private Task<List<ProgressUpdate>> UpdatesOnAsync(string reference) =>
        factory.WithDbAsync(async db =>
        {
            var actionId = await db.Actions.Where(a => a.Reference == reference).Select(a => a.Id).SingleAsync(Ct);
            return await db.ProgressUpdates.Include(u => u.Evidence).Where(u => u.ActionId == actionId).ToListAsync(Ct);
        });

    [Fact]
    public async Task Post_NewUpdate_SameFormPostedTwice_CreatesOneUpdateWithOneCopyOfItsFile()
    {
        var (_, client) = await factory.LeadOfActionAsync("PM40");
        var fields = await NewFormFieldsAsync(client, "PM40", "Audit of 40 files completed.");

        using var first = await client.PostFormAsync("/actions/PM40/updates/new", fields, ("audit.pdf", Pdf()));
        using var second = await client.PostFormAsync("/actions/PM40/updates/new", fields, ("audit.pdf", Pdf()));

        var id = RedirectedUpdateId(first);
        Assert.Equal(id, RedirectedUpdateId(second));
        var update = Assert.Single(await UpdatesOnAsync("PM40"));
        Assert.Equal(id, update.Id);
        Assert.Single(update.Evidence);
        var evidenceId = update.Evidence.Single().Id;
        Assert.Equal(1, await factory.WithDbAsync(db => db.EvidenceContents.CountAsync(c => c.EvidenceId == evidenceId, Ct)));
        var page = await client.GetDocumentAsync($"/updates/{id}");
        Assert.StartsWith("This form had already been saved", page.QuerySelector("[data-testid=notification] p")!.TextContent.Trim(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewUpdate_SameFormPostedTwiceAtOnce_CreatesOneUpdate()
    {
        var (_, client) = await factory.LeadOfActionAsync("PM41");
        var fields = await NewFormFieldsAsync(client, "PM41", "Submitted with a double click.", "Submit");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostFormAsync("/actions/PM41/updates/new", fields)));

        var update = Assert.Single(await UpdatesOnAsync("PM41"));
        Assert.All(responses, response => Assert.Equal(update.Id, RedirectedUpdateId(response)));
        Assert.Equal(UpdateState.Submitted, update.State);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_NewUpdate_TwoFormsOpenedSeparately_CreateTwoUpdates()
    {
        var (_, client) = await factory.LeadOfActionAsync("PM42");

        using var first = await client.PostFormAsync("/actions/PM42/updates/new", await NewFormFieldsAsync(client, "PM42", "First update."));
        using var second = await client.PostFormAsync("/actions/PM42/updates/new", await NewFormFieldsAsync(client, "PM42", "Second update."));

        Assert.NotEqual(RedirectedUpdateId(first), RedirectedUpdateId(second));
        Assert.Equal(["First update.", "Second update."], (await UpdatesOnAsync("PM42")).Select(u => u.Narrative).Order());
    }

    [Fact]
    public async Task Post_NewUpdate_SomeoneElsesFormKey_ShowsNothingOfTheirsAndSavesTheirOwn()
    {
        var (_, author) = await factory.LeadOfActionAsync("PM43");
        var fields = await NewFormFieldsAsync(author, "PM43", "The author's private draft.");
        using var authored = await author.PostFormAsync("/actions/PM43/updates/new", fields);
        var (_, other) = await factory.LeadOfActionAsync("PM44");

        fields["Narrative"] = "Another lead's own update.";
        using var response = await other.PostFormAsync("/actions/PM44/updates/new", fields);

        var id = RedirectedUpdateId(response);
        Assert.NotEqual(RedirectedUpdateId(authored), id);
        var update = Assert.Single(await UpdatesOnAsync("PM44"));
        Assert.Equal((id, "Another lead's own update."), (update.Id, update.Narrative));
        Assert.Null(update.FormKey);
    }

    [Fact]
    public async Task Post_Submit_Twice_SubmitsOnceAndShowsTheUpdate()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP30");
        using var created = await client.PostFormAsync("/actions/QP30/updates/new", Fields());
        var id = RedirectedUpdateId(created);

        using var first = await client.PostFieldsAsync($"/updates/{id}/submit");
        var afterFirst = await factory.UpdateAsync(id);
        using var second = await client.PostFieldsAsync($"/updates/{id}/submit");

        Assert.Equal($"/updates/{id}", first.Headers.Location!.OriginalString);
        Assert.Equal($"/updates/{id}", second.Headers.Location!.OriginalString);
        var afterSecond = await factory.UpdateAsync(id);
        Assert.Equal(UpdateState.Submitted, afterSecond!.State);
        Assert.Equal(afterFirst!.Version, afterSecond.Version);
        Assert.Equal(afterFirst.SubmittedAtUtc, afterSecond.SubmittedAtUtc);
        var submittedCount = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(
            e => e.EntityType == "ProgressUpdate" && e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && e.Changes!.Contains("\"New\":\"Submitted\""), Ct));
        Assert.Equal(1, submittedCount);
    }

    [Fact]
    public async Task Get_Edit_SubmittedUpdate_RedirectsToTheUpdateAndPostChangesNothing()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP31");
        using var created = await client.PostFormAsync("/actions/QP31/updates/new", Fields("Submitted text.", "Submit"));
        var id = RedirectedUpdateId(created);
        var version = (await factory.UpdateAsync(id))!.Version;

        using var get = await client.GetAsync(new Uri($"/updates/{id}/edit", UriKind.Relative), Ct);
        var fields = Fields("Changed after submitting.");
        fields["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var post = await client.PostFormAsync($"/updates/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Equal("Submitted text.", (await factory.UpdateAsync(id))!.Narrative);
    }

    [Fact]
    public async Task Get_Mine_ListsMyDraftsReturnedAndSubmittedUpdates()
    {
        var (_, client) = await factory.LeadOfActionAsync("QP32");
        using var draft = await client.PostFormAsync("/actions/QP32/updates/new", Fields("A draft."));
        using var submitted = await client.PostFormAsync("/actions/QP32/updates/new", Fields("Submitted.", "Submit"));

        var page = await client.GetDocumentAsync("/updates/mine");

        Assert.Contains("Action QP32", page.QuerySelector("[data-testid=drafts-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Action QP32", page.QuerySelector("[data-testid=submitted-table]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=returned-empty]"));
    }
}
