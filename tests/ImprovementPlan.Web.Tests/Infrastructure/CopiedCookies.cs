using Microsoft.AspNetCore.Mvc.Testing;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>Cookies as an attacker would copy them: the raw Set-Cookie values, replayed by a client that keeps no cookies of its own.</summary>
public static class CopiedCookies
{
    /// <summary>"name=value" of every cookie the response sets.</summary>
    public static string CookieHeader(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => !v.EndsWith('=')) : []);
    }

    /// <summary>A client that sends exactly the given Cookie header and nothing the app sets later.</summary>
    public static HttpClient ReplayingClient(this WebApplicationFactory<Program> factory, string cookieHeader)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }
}
