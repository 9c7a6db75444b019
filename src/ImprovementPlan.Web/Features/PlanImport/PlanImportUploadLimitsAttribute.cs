using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>
/// Sets the upload route's request and multipart limits from <see cref="PlanImportOptions"/> with a
/// megabyte to spare, so a workbook over the limit gets a friendly message rather than a 413 page.
/// It runs before the antiforgery filter reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PlanImportUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    public int Order => 900;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(PlanImportOptions.From(serviceProvider.GetRequiredService<IConfiguration>()));

    private sealed class Filter(PlanImportOptions options) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var limit = options.MaxFileSizeBytes + (1024 * 1024);
            var http = context.HttpContext;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }

            if (http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            }
        }
    }
}
