namespace ImprovementPlan.Web.Infrastructure;

public static class CookieSettings
{
    /// <summary>
    /// Cookies are Secure (HTTPS only) unless Security:CookieSecurePolicy says otherwise: Development
    /// and a local docker-compose trial over plain HTTP set it to SameAsRequest.
    /// </summary>
    public static CookieSecurePolicy CookieSecurePolicy(this IConfiguration configuration) =>
        configuration.GetValue("Security:CookieSecurePolicy", Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);
}
