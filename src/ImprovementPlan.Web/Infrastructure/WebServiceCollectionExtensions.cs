using System.Globalization;
using System.Threading.RateLimiting;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Health;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace ImprovementPlan.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddImprovementPlanWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        // Thresholds are settings; a bad value stops the app at start-up rather than skewing ratings.
        services.AddOptions<RagSettings>().Bind(configuration.GetSection(RagSettings.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RagSettings>>().Value);
        services.AddScoped<Auditing.SecurityEvents>();
        services.AddFeatureServices();

        services
            .AddControllersWithViews(options =>
            {
                // Every unsafe method checks an antiforgery token, whatever the controller says.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<UnreadableFormFilter>(order: 950);
                options.Filters.Add<Auditing.AntiforgeryRejectionFilter>();
                options.Filters.Add<Features.Plans.ArchivedPlanFilter>();
                options.Conventions.Add(new RouteValuesFromRouteConvention());
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: a controller's views sit beside it in Features/<Area>/.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = configuration.CookieName("ipt.antiforgery");
            options.Cookie.SecurePolicy = configuration.CookieSecurePolicy();
            options.FormFieldName = "__RequestVerificationToken";
        });

        // Deny by default: every endpoint needs a signed-in user unless it says [AllowAnonymous].
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = configuration.CookieName("ipt.notice");
            options.Cookie.SecurePolicy = configuration.CookieSecurePolicy();
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddImprovementPlanPolicies();
        services.AddSingleton<IAuthorizationHandler, LeadsRecordHandler>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("Authentication:SignInAttemptsPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: ["ready"]);

        services.Configure<RequestLocalizationOptions>(options =>
        {
            var culture = new CultureInfo("en-GB");
            options.DefaultRequestCulture = new RequestCulture(culture);
            options.SupportedCultures = [culture];
            options.SupportedUICultures = [culture];
        });

        return services;
    }

    public static WebApplication UseImprovementPlanPipeline(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(options =>
        {
            // The path template, not the query string: query strings may carry search text.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
