using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ImprovementPlan.Web.Auditing;

/// <summary>Records a POST refused for a missing or invalid antiforgery token as a security event.</summary>
public sealed class AntiforgeryRejectionFilter(SecurityEvents securityEvents) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var user = context.HttpContext.User;
            await securityEvents.RecordAsync(SecurityEvents.AntiforgeryRejected, user.FindFirstValue(ClaimTypes.NameIdentifier),
                user.Identity?.Name, $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}");
        }

        await next();
    }
}
