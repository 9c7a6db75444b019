using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>
/// Sets the request and multipart limits of the upload route from <see cref="DfeImportOptions"/>: room
/// for both files at the limit plus a megabyte of form, so a file over the limit gets a friendly
/// message rather than a 413 page. It runs before the antiforgery filter reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    public int Order => 900;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(DfeImportOptions.From(serviceProvider.GetRequiredService<IConfiguration>()));

    private sealed class Filter(DfeImportOptions options) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var limit = (options.MaxFileSizeBytes * 2) + (1024 * 1024);
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
