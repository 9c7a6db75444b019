namespace ImprovementPlan.Web.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The PDF renderer (one warm Chromium for the app), its health check and the Razor-to-HTML renderer.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection(PdfOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        services.AddScoped<ReportHtmlRenderer>();
        services.AddHealthChecks().AddCheck<PdfRendererHealthCheck>("pdf-renderer", tags: ["ready"]);
        return services;
    }
}
