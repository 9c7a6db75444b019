using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
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
            })
            .AddEntityFrameworkStores<ImprovementPlanDbContext>()
            .AddSignInManager<ActiveUserSignInManager>()
            .AddDefaultTokenProviders();

        // A deactivated user or a changed role takes effect within five minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ipt.auth";
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
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Keys in the database: cookies survive restarts and work across several instances.
        services.AddDataProtection()
            .SetApplicationName("ImprovementPlanTracker")
            .PersistKeysToDbContext<ImprovementPlanDbContext>();
        return services;
    }
}
