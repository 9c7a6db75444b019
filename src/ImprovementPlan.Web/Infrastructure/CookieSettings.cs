namespace ImprovementPlan.Web.Infrastructure;

public static class CookieSettings
{
    /// <summary>
    /// Cookies are Secure (HTTPS only) unless Security:CookieSecurePolicy says otherwise: Development
    /// and a local docker-compose trial over plain HTTP set it to SameAsRequest.
    /// </summary>
    public static CookieSecurePolicy CookieSecurePolicy(this IConfiguration configuration) =>
        configuration.GetValue("Security:CookieSecurePolicy", Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);

    /// <summary>
    /// The cookie's name: with the __Host- prefix when cookies are always Secure (served over TLS),
    /// so browsers also insist on Path=/ and no Domain and a neighbouring subdomain cannot plant or
    /// widen it; the plain name over HTTP, where browsers would refuse a prefixed cookie.
    /// </summary>
    public static string CookieName(this IConfiguration configuration, string name) =>
        configuration.CookieSecurePolicy() == Microsoft.AspNetCore.Http.CookieSecurePolicy.Always ? "__Host-" + name : name;
}
