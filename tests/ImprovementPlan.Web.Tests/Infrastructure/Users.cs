using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>Builds users in the app's real identity store and signs them in through the real sign-in form.</summary>
public static class Users
{
    public const string Password = "a long test passphrase";

    public static async Task<ApplicationUser> CreateAsync(this AppFactory factory, string role, string? email = null, bool active = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.invalid",
            DisplayName = $"Test {role}",
            IsActive = active,
        };
        user.Email = user.UserName;
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A client signed in as a new user with the given role.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AppFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var user = await factory.CreateAsync(role);
        var client = factory.CreateClient();
        var response = await client.SignInAsync(user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Reads the antiforgery token from a page's form, as a browser would submit it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = await client.GetDocumentAsync(path);
        var input = document.QuerySelector("form input[name=__RequestVerificationToken]") as IHtmlInputElement;
        Assert.NotNull(input);
        return input.Value;
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
