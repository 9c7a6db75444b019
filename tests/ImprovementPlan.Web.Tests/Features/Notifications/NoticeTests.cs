using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Features.Notifications;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

/// <summary>Notices as they happen or in a daily digest, and the Service Director's digest of what waits for them.</summary>
public sealed class NoticeTests(MailAppFactory factory) : IClassFixture<MailAppFactory>
{
    private async Task<(ApplicationUser Author, int UpdateId, int Version)> SubmittedUpdateAsync(string reference)
    {
        var author = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(author.Id, reference);
        var id = await factory.AddActionUpdateAsync(reference, UpdateState.Submitted, TrackingData.Today, "Audited 30 files.", author);
        return (author, id, (await factory.UpdateAsync(id))!.Version);
    }

    private static Dictionary<string, string> Decision(int version, string comment = "") => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Comment"] = comment,
    };

    private async Task SetDeliveryAsync(ApplicationUser user, NoticeDelivery delivery)
    {
        using var client = await factory.SignedInAsync(user);
        using var saved = await client.PostFormAsync("/account/email-settings", ("Delivery", delivery.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Approve_AuthorWantsNoticesAsTheyHappen_GetsOneEmailWithALink()
    {
        var (author, id, version) = await SubmittedUpdateAsync("LG2");
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var approved = await director.PostFieldsAsync($"/updates/{id}/approve", Decision(version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await factory.SendOutboxAsync();

        var message = Assert.Single(factory.Smtp.To(author.Email!));
        Assert.Equal("Your update on Action LG2 has been approved", message.Subject);
        Assert.Equal($"/updates/{id}", MailTestSupport.LinkIn(message, "/updates/"));
    }

    [Fact]
    public async Task Return_AuthorChoseDailyDigest_NoEmailUntilTheDigest_ThenOneListingIt()
    {
        var (author, id, version) = await SubmittedUpdateAsync("LG3");
        await SetDeliveryAsync(author, NoticeDelivery.DailyDigest);
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var returned = await director.PostFieldsAsync($"/updates/{id}/return", Decision(version, "Add the figures."));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        await factory.SendOutboxAsync();
        Assert.Empty(factory.Smtp.To(author.Email!));

        // 1 March 2021, 09:30 is after the 07:00 digest hour: the digest goes now, and only once.
        await RunJobAsync<DailyDigestJob>();
        await RunJobAsync<DailyDigestJob>();
        await factory.SendOutboxAsync();

        var digest = Assert.Single(factory.Smtp.To(author.Email!));
        Assert.Contains("Your update on Action LG3 has been returned", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionsDigest_UpdatesWaiting_TheServiceDirectorGetsOneEmailADay()
    {
        await SubmittedUpdateAsync("LG4");
        var director = await factory.CreateAsync(Roles.ServiceDirector);

        await RunJobAsync<DecisionsDigestJob>();
        await RunJobAsync<DecisionsDigestJob>();
        await factory.SendOutboxAsync();

        var digest = Assert.Single(factory.Smtp.To(director.Email!));
        Assert.Contains("Update on action LG4", digest.TextBody, StringComparison.Ordinal);
    }

    private async Task RunJobAsync<T>()
        where T : IScheduledJob
    {
        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<T>().RunAsync(TestContext.Current.CancellationToken);
    }
}
