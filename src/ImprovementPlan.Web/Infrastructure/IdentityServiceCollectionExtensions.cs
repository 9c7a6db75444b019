using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
    private const string SignedInAtKey = "ipt.signed-in-at";

    /// <summary>
    /// ASP.NET Core Identity with roles and cookie sign-in. Passwords: at least 12 characters and no
    /// composition rules (NCSC and NIST guidance); lockout after 5 failures.
    /// </summary>
    public static IServiceCollection AddImprovementPlanIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
            })
            .AddEntityFrameworkStores<ImprovementPlanDbContext>()
            .AddSignInManager<ActiveUserSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.Name)
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.Name);

        // A changed role or name reaches the cookie within five minutes; a changed security stamp
        // (sign-out, deactivation, a new password) ends the session at the next request (see OnValidatePrincipal).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddSingleton<UnknownAccountPasswordCheck>();
        services.AddScoped<SessionStampCheck>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = configuration.CookieName("ipt.auth");
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = configuration.CookieSecurePolicy();
            options.ExpireTimeSpan = TimeSpan.FromMinutes(
                configuration.GetValue("Authentication:IdleTimeoutMinutes", 60));
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/error/403";
            options.ReturnUrlParameter = "returnUrl";

            // A signed-in user who may not do something gets a 403 with the friendly page (re-executed
            // by the status code pages middleware), not a redirect that hides the refusal.
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var user = context.HttpContext.User;
                await context.HttpContext.RequestServices.GetRequiredService<Auditing.SecurityEvents>().RecordAsync(
                    Auditing.SecurityEvents.AccessDenied, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name,
                    $"{context.Request.Method} {context.Request.Path}");
            };

            // An absolute lifetime on top of the sliding idle timeout: a session ends this long after
            // sign-in however active it is. The sign-in time travels with the cookie's properties,
            // which renewals and security-stamp refreshes carry over.
            var absoluteLifetime = TimeSpan.FromHours(configuration.GetValue("Authentication:AbsoluteLifetimeHours", 10));
            options.Events.OnSigningIn = context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                    || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
                    || clock.GetUtcNow() - signedInAt > absoluteLifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                // Every request: the session ends as soon as the account's security stamp changes,
                // which signing out does, on whichever instance it happens (the stamp is in the database).
                if (!await context.HttpContext.RequestServices.GetRequiredService<SessionStampCheck>().IsCurrentAsync(context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });

        // Identity's other cookies (the external sign-in on the way back from single sign-on, and the
        // two-factor ones it clears on sign-out) get the same prefix and Secure policy.
        services.ConfigureExternalCookie(options =>
        {
            options.Cookie.Name = configuration.CookieName("ipt.external");
            options.Cookie.SecurePolicy = configuration.CookieSecurePolicy();
        });
        foreach (var (scheme, name) in new[] { (IdentityConstants.TwoFactorUserIdScheme, "ipt.2fa"), (IdentityConstants.TwoFactorRememberMeScheme, "ipt.2fa-remember") })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Name = configuration.CookieName(name);
                options.Cookie.SecurePolicy = configuration.CookieSecurePolicy();
            });
        }

        services.AddImprovementPlanSingleSignOn(configuration);

        // Keys in the database: cookies survive restarts and work across several instances. With a
        // certificate configured, each key is encrypted with it before it is stored.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("ImprovementPlanTracker")
            .PersistKeysToDbContext<ImprovementPlanDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>
    /// OpenID Connect sign-in beside the password, when "Authentication:OpenIdConnect" names a provider:
    /// authorisation code flow with PKCE, into Identity's external cookie, from which the account
    /// controller links the person to their tracker account.
    /// </summary>
    private static void AddImprovementPlanSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SingleSignOnOptions.Section);
        services.Configure<SingleSignOnOptions>(section);
        var sso = section.Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (!sso.IsConfigured)
        {
            return;
        }

        services.AddAuthentication().AddOpenIdConnect(SingleSignOnOptions.Scheme, sso.DisplayName, options =>
        {
            options.Authority = sso.Authority;
            options.ClientId = sso.ClientId;
            options.ClientSecret = sso.ClientSecret;
            options.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.ResponseMode = "query";
            options.UsePkce = true;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.CorrelationCookie.SecurePolicy = configuration.CookieSecurePolicy();
            options.NonceCookie.SecurePolicy = configuration.CookieSecurePolicy();
        });
    }
}
