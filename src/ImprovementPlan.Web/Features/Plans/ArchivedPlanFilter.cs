using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>
/// Refuses, in one place, every write made while the current plan is archived: any unsafe request to a
/// feature that works on the current plan answers 403 with a page saying the plan is archived. Features
/// that do not write to the current plan (choosing plans, signing in, user accounts) are let through.
/// A write that still reaches the database is stopped by <see cref="ArchivedPlanGuard"/>, and its refusal
/// is shown here the same way.
/// </summary>
public sealed class ArchivedPlanFilter(CurrentPlan currentPlan, IModelMetadataProvider metadata) : IAsyncActionFilter
{
    private static readonly string[] NotPlanWrites =
    [
        "ImprovementPlan.Web.Features.Plans",
        "ImprovementPlan.Web.Features.Account",
        "ImprovementPlan.Web.Features.Users",
        "ImprovementPlan.Web.Features.Errors",
    ];

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        var ns = context.Controller.GetType().Namespace ?? string.Empty;
        if (unsafeMethod && !NotPlanWrites.Contains(ns, StringComparer.Ordinal)
            && await currentPlan.FindAsync(context.HttpContext.RequestAborted) is { IsArchived: true })
        {
            context.Result = Refusal();
            return;
        }

        var executed = await next();
        if (executed.Exception is DomainRuleException { Message: Plan.ArchivedMessage } && !executed.ExceptionHandled)
        {
            executed.Result = Refusal();
            executed.ExceptionHandled = true;
        }
    }

    private ViewResult Refusal() => new()
    {
        ViewName = "~/Features/Plans/Archived.cshtml",
        StatusCode = StatusCodes.Status403Forbidden,
        ViewData = new ViewDataDictionary(metadata, new ModelStateDictionary()),
    };
}
