using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.ActionEditing;

public sealed class RatingsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Ratings_ShowsTheComputedRatingAndItsReason()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var page = await client.GetDocumentAsync("/actions/PM36/ratings");

        // Every seeded action is due in 2020–2021; PM36 is past its date on the fixed "today" of 1 March 2021.
        var computed = page.QuerySelector("[data-testid=computed-rating]")!.TextContent;
        Assert.Contains("Red", computed, StringComparison.Ordinal);
        Assert.Contains("Past its due date", computed, StringComparison.Ordinal);
        Assert.Contains("No approved update has proposed an impact rating", page.QuerySelector("[data-testid=proposed-impact]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OverrideEqualToTheComputedRating_IsNotKeptAsAnOverride()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        // PM39 is past its due date on 1 March 2021, so the rules rate it Red already.
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM39/ratings"), "/actions/PM39/ratings")
            .With("DeliveryOverride", "Red").With("OverrideReason", "It is late");

        using var response = await client.PostFormAsync("/actions/PM39/ratings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await ActionAsync("PM39")).DeliveryRagOverride);
        var action = await client.GetDocumentAsync("/actions/PM39");
        Assert.Contains("not kept as an override", action.QuerySelector("[data-testid=notification]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OverrideWithoutReason_ShowsTheErrorAndSavesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM37/ratings"), "/actions/PM37/ratings")
            .With("DeliveryOverride", "Green").With("OverrideReason", " ");

        using var response = await client.PostFormAsync("/actions/PM37/ratings", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter a reason for overriding the rating"], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Null((await ActionAsync("PM37")).DeliveryRagOverride);
    }

    [Fact]
    public async Task Post_OverrideWithReasonAndImpact_AreStored()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM38/ratings"), "/actions/PM38/ratings")
            .With("DeliveryOverride", "Amber").With("OverrideReason", "The date was agreed late with the partners")
            .With("ImpactRag", "Green").With("ImpactNote", "Audits show better plans");

        using var response = await client.PostFormAsync("/actions/PM38/ratings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await ActionAsync("PM38");
        Assert.Equal(Rag.Amber, saved.DeliveryRagOverride);
        Assert.Equal("The date was agreed late with the partners", saved.DeliveryRagOverrideReason);
        Assert.Equal(Rag.Green, saved.ImpactRag);
        Assert.Equal("Audits show better plans", saved.ImpactRagNote);
        var page = await client.GetDocumentAsync("/actions/PM38/ratings");
        Assert.Contains("Currently overridden as", page.QuerySelector("[data-testid=computed-rating]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UseTheComputedRating_ClearsTheOverride()
    {
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "PM39", Ct);
            action.OverrideDeliveryRag(Rag.Green, "Arranged for the test");
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM39/ratings"), "/actions/PM39/ratings")
            .With("DeliveryOverride", "");

        using var response = await client.PostFormAsync("/actions/PM39/ratings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await ActionAsync("PM39");
        Assert.Null(saved.DeliveryRagOverride);
        Assert.Null(saved.DeliveryRagOverrideReason);
    }

    [Fact]
    public async Task Post_ConfirmEmbedded_WhenNotComplete_IsRefusedWithTheRule()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM41/ratings"), "/actions/PM41/ratings")
            .With("ConfirmEmbedded", "true");

        using var response = await client.PostFormAsync("/actions/PM41/ratings", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Only a complete action can be confirmed as complete and embedded."], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Null((await ActionAsync("PM41")).EmbeddedConfirmedOn);
    }

    [Fact]
    public async Task Post_ConfirmEmbedded_WhenComplete_RecordsTodayAndRatesBlue()
    {
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "PM42", Ct);
            action.RecordApprovedProgress(ActionStatus.Complete, new DateOnly(2021, 2, 1), true);
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM42/ratings"), "/actions/PM42/ratings")
            .With("ConfirmEmbedded", "true");

        using var response = await client.PostFormAsync("/actions/PM42/ratings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2021, 3, 1), (await ActionAsync("PM42")).EmbeddedConfirmedOn);
        var page = await client.GetDocumentAsync("/actions/PM42/ratings");
        Assert.Contains("Blue", page.QuerySelector("[data-testid=computed-rating]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Ratings_StaleVersion_IsRefusedAndOverwritesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/PM43/ratings"), "/actions/PM43/ratings");
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "PM43", Ct);
            action.RateImpact(Rag.Red, "Saved by someone else");
            return await db.SaveChangesAsync(Ct);
        });

        using var response = await client.PostFormAsync("/actions/PM43/ratings", fields.With("ImpactRag", "Green"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FormPosting.Errors(await Users.ParseAsync(response)), e => e.StartsWith("Someone else changed this action", StringComparison.Ordinal));
        Assert.Equal(Rag.Red, (await ActionAsync("PM43")).ImpactRag);
    }

    private Task<ImprovementAction> ActionAsync(string reference) =>
        factory.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Reference == reference, Ct));
}
