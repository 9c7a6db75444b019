using System.Net;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Updates;

/// <summary>"My updates" lists approved updates too, and an author can delete a draft they no longer want.</summary>
public sealed class MyUpdatesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mine_ShowsApprovedUpdates()
    {
        var (_, lead) = await factory.LeadOfActionAsync("QP30");
        using var created = await lead.PostFormAsync("/actions/QP30/updates/new", UpdateTestData.Fields("Panel met twice.", "Submit"));
        var id = UpdateTestData.RedirectedUpdateId(created);
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var version = (await factory.UpdateAsync(id))!.Version;
        using (var approved = await director.PostFieldsAsync($"/updates/{id}/approve",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var page = await lead.GetDocumentAsync("/updates/mine");

        var table = page.QuerySelector("[data-testid=approved-table]");
        Assert.NotNull(table);
        Assert.Contains($"/updates/{id}", table!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("1 March 2021", table.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDelete_ADraft_DeletesItWithItsEvidence()
    {
        var (_, lead) = await factory.LeadOfActionAsync("QP31");
        using var created = await lead.PostFormAsync("/actions/QP31/updates/new", UpdateTestData.Fields("Started by mistake."),
            ("notes.pdf", UpdateTestData.Pdf()));
        var id = UpdateTestData.RedirectedUpdateId(created);
        var page = await lead.GetDocumentAsync($"/updates/{id}");

        using var response = await lead.PostFieldsAsync($"/updates/{id}/delete");

        Assert.NotNull(page.QuerySelector("[data-testid=delete-draft]"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await factory.UpdateAsync(id));
        Assert.False(await factory.WithDbAsync(db => db.Evidence.AnyAsync(e => e.ProgressUpdateId == id, Ct)));
    }

    [Fact]
    public async Task PostDelete_ASubmittedUpdate_KeepsIt()
    {
        var (_, lead) = await factory.LeadOfActionAsync("QP32");
        using var created = await lead.PostFormAsync("/actions/QP32/updates/new", UpdateTestData.Fields("Sent for approval.", "Submit"));
        var id = UpdateTestData.RedirectedUpdateId(created);

        using var response = await lead.PostFieldsAsync($"/updates/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(UpdateState.Submitted, (await factory.UpdateAsync(id))!.State);
    }

    [Fact]
    public async Task PostDelete_SomeoneElsesDraft_IsForbidden()
    {
        var (_, lead) = await factory.LeadOfActionAsync("QP33");
        using var created = await lead.PostFormAsync("/actions/QP33/updates/new", UpdateTestData.Fields("Mine, not yours."));
        var id = UpdateTestData.RedirectedUpdateId(created);
        using var other = await factory.SignedInClientAsync(Roles.HeadOfService);

        using var response = await other.PostFieldsAsync($"/updates/{id}/delete");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await factory.UpdateAsync(id));
    }
}
