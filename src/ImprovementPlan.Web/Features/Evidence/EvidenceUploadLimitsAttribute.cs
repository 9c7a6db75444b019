using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>
/// Raises the request and multipart limits on an upload route just enough (see
/// <see cref="EvidenceOptions.MaxRequestBytes"/>) that a file over the evidence limit is read and
/// refused with a friendly message instead of a 413 page. Like [RequestSizeLimit] and
/// [RequestFormLimits], but from configuration; it runs before the antiforgery filter reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class EvidenceUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public bool IsReusable => true;

    public int Order => 900;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(EvidenceOptions.From(serviceProvider.GetRequiredService<IConfiguration>()));

    private sealed class Filter(EvidenceOptions options) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = options.MaxRequestBytes;
            }

            if (http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = options.MaxRequestBytes,
                }));
            }
        }
    }
}
