using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Reads a report date from a form: a real date, and not before the plan began.</summary>
public static class ReportDates
{
    public static DateOnly? ReportDate(DateParts parts, PlanHeader plan, ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(modelState);
        var (date, error) = parts.Parse("the report date");
        error ??= date is { } d ? Plan.RefuseDateBeforeStart(plan.PeriodStart, d, "The report date") : null;
        if (error is not null)
        {
            modelState.AddModelError(field, error);
            return null;
        }

        return date;
    }
}
