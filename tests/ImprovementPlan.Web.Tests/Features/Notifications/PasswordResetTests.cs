using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

/// <summary>Forgotten passwords, password links, changing one's own password and an administrator's reset link, through the real pipeline and SMTP.</summary>
public sealed class PasswordResetTests(MailAppFactory factory) : IClassFixture<MailAppFactory>
{
    private const string NewPassword = "violet harbour lantern morning";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email)
    {
        var token = await client.AntiforgeryTokenAsync("/account/forgot-password");
        return await client.PostAsync(new Uri("/account/forgot-password", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password, string? confirmation = null)
    {
        var page = await client.GetDocumentAsync(link);
        var fields = FormPosting.FieldsOf(page, "/account/reset-password").With("Password", password).With("ConfirmPassword", confirmation ?? password);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/account/reset-password", UriKind.Relative), content, Ct);
    }

    private async Task<string> ResetLinkForAsync(string email)
    {
        await factory.SendOutboxAsync();
        var received = factory.Smtp.To(email);
        var message = received[^1];
        return MailTestSupport.LinkIn(message, "/account/reset-password");
    }

    [Fact]
    public async Task ForgotPassword_KnownEmail_SendsALinkThatSetsANewPassword()
    {
        var user = await factory.CreateAsync(Roles.HeadOfService);
        using var client = factory.CreateClient();

        using var asked = await ForgotAsync(client, user.Email!);
        Assert.Equal("/account/forgot-password/sent", asked.Headers.Location!.OriginalString);
        var link = await ResetLinkForAsync(user.Email!);
        using var reset = await ResetAsync(client, link, NewPassword);

        Assert.Equal("/account/sign-in", reset.Headers.Location!.OriginalString);
        using var signedIn = await factory.CreateClient().SignInAsync(user.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var oldPassword = await factory.CreateClient().SignInAsync(user.Email!, Users.Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
    }

    [Fact]
    public async Task ResetLink_UsedTwice_TheSecondTimeDoesNotWork()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();
        using var asked = await ForgotAsync(client, user.Email!);
        var link = await ResetLinkForAsync(user.Email!);
        using var first = await ResetAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var again = await client.GetDocumentAsync(link);

        Assert.NotNull(again.QuerySelector("[data-testid=link-not-valid]"));
        Assert.Null(again.QuerySelector("form[action='/account/reset-password']"));
    }

    [Fact]
    public async Task ResetLink_AfterItsLifetime_DoesNotWork()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();
        using var asked = await ForgotAsync(client, user.Email!);
        var link = await ResetLinkForAsync(user.Email!);

        factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var page = await client.GetDocumentAsync(link);

        Assert.NotNull(page.QuerySelector("[data-testid=link-not-valid]"));
        using var signedIn = await factory.CreateClient().SignInAsync(user.Email!, Users.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_GivesTheSameAnswerAndSendsNothing()
    {
        var known = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();
        const string unknown = "nobody-here@council.test";

        using var forKnown = await ForgotAsync(client, known.Email!);
        using var forUnknown = await ForgotAsync(client, unknown);

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        await factory.SendOutboxAsync();
        Assert.Empty(factory.Smtp.To(unknown));
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientAddress == unknown, Ct)));
        var sent = await client.GetDocumentAsync("/account/forgot-password/sent");
        Assert.NotNull(sent.QuerySelector("[data-testid=reset-link-sent]"));
    }

    [Fact]
    public async Task ForgotPassword_NoEmail_ShowsTheErrorNextToTheField()
    {
        using var client = factory.CreateClient();

        using var response = await ForgotAsync(client, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter your email address"], FormPosting.Errors(await Users.ParseAsync(response)));
    }

    [Fact]
    public async Task ResetPassword_TooShort_ShowsThePasswordPolicyAndKeepsTheLinkWorking()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();
        using var asked = await ForgotAsync(client, user.Email!);
        var link = await ResetLinkForAsync(user.Email!);

        using var refused = await ResetAsync(client, link, "short");

        Assert.Equal(["Password must be 12 characters or more"], FormPosting.Errors(await Users.ParseAsync(refused)));
        using var accepted = await ResetAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithTheCurrentPassword_ChangesItAndEndsOtherSessions()
    {
        var user = await factory.CreateAsync(Roles.HeadOfService);
        using var here = factory.CreateClient();
        using var elsewhere = factory.CreateClient();
        (await here.SignInAsync(user.Email!, Users.Password)).Dispose();
        (await elsewhere.SignInAsync(user.Email!, Users.Password)).Dispose();

        var page = await here.GetDocumentAsync("/account/change-password");
        var fields = FormPosting.FieldsOf(page, "/account/change-password")
            .With("CurrentPassword", Users.Password).With("NewPassword", NewPassword).With("ConfirmPassword", NewPassword);
        using var content = new FormUrlEncodedContent(fields);
        using var changed = await here.PostAsync(new Uri("/account/change-password", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var stillHere = await here.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        using var signedOutElsewhere = await elsewhere.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOutElsewhere.StatusCode);
        Assert.StartsWith("/account/sign-in", signedOutElsewhere.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsRefusedWithAMessage()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.PostFormAsync("/account/change-password",
            ("CurrentPassword", "not my password at all"), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));

        Assert.Equal(["Your current password is incorrect"], FormPosting.Errors(await Users.ParseAsync(response)));
    }

    [Fact]
    public async Task Post_SendResetLink_AsAdministrator_EmailsTheUserALink()
    {
        var user = await factory.CreateAsync(Roles.PerformanceOfficer);
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync($"/admin/users/{user.Id}/send-reset-link");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = await ResetLinkForAsync(user.Email!);
        using var client = factory.CreateClient();
        using var reset = await ResetAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var signedIn = await factory.CreateClient().SignInAsync(user.Email!, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Post_NewUserWithoutPassword_GetsALinkToChooseOne()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        const string email = "new.starter@council.test";

        using var created = await admin.PostFormAsync("/admin/users/new",
            ("Email", email), ("DisplayName", "New Starter"), ("JobTitle", "Practice lead"), ("Roles", Roles.Viewer), ("Password", ""));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var link = await ResetLinkForAsync(email);
        Assert.Contains("New Starter", factory.Smtp.To(email).Single().TextBody, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        using var chosen = await ResetAsync(client, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        using var signedIn = await factory.CreateClient().SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
