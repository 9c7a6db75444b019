namespace ImprovementPlan.Web.Infrastructure;

public static class FeatureServices
{
    private static readonly string[] Suffixes = ["Query", "Handler", "Queries", "Handlers", "Service"];

    /// <summary>
    /// Registers, once per request (scoped), every concrete class under the Features namespace whose
    /// name ends in Query, Handler or Service, plus <see cref="Features.Shared.ActionRatings"/>. A
    /// feature adds a class; it does not have to edit start-up code.
    /// </summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        var types = typeof(FeatureServices).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsNested: false }
            && t.Namespace?.StartsWith("ImprovementPlan.Web.Features", StringComparison.Ordinal) == true
            && Suffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal)));
        foreach (var type in types)
        {
            services.AddScoped(type);
        }

        services.AddScoped<CurrentPlan>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Features.Shared.ActionRatings>();
        services.AddScoped<Features.Export.ActionPlanCsv>();
        services.AddSingleton(sp => Features.Meetings.MeetingSettings.WorkingDaysFrom(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<Features.Evidence.EvidenceFolderImport>();
        return services;
    }
}
