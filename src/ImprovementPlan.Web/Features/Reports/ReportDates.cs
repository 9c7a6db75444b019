using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Reads a report date from a form: a real date, and not before the plan began.</summary>
public static class ReportDates
{
    public static DateOnly? ReportDate(DateParts parts, PlanHeader plan, FormErrors errors, string field)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(errors);
        var (date, error) = parts.Parse("the report date");
        error ??= date is { } d ? Plan.RefuseDateBeforeStart(plan.PeriodStart, d, "The report date") : null;
        if (error is not null)
        {
            errors.Add(field, error);
            return null;
        }

        return date;
    }
}
