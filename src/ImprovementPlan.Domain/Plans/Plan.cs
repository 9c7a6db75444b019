using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

public enum PlanStatus
{
    Draft = 0,
    Active = 1,
    Closed = 2,
}

/// <summary>An improvement plan owed to the inspectorate; a deployment may hold several.</summary>
public class Plan : Entity
{
    private Plan()
    {
        Title = Organisation = string.Empty;
    }

    public Plan(string title, string organisation, DateOnly periodStart, DateOnly periodEnd, string? summary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        if (periodEnd < periodStart)
        {
            throw new ArgumentException("A plan cannot end before it starts.", nameof(periodEnd));
        }

        Title = title;
        Organisation = organisation;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Summary = summary;
        Status = PlanStatus.Active;
    }

    public string Title { get; private set; }

    public string Organisation { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string? Summary { get; private set; }

    public PlanStatus Status { get; private set; }

    /// <summary>Why a date cannot belong to a plan that began on <paramref name="planStart"/>, or null when it can; <paramref name="what"/> names the date, e.g. "The due date".</summary>
    public static string? RefuseDateBeforeStart(DateOnly planStart, DateOnly date, string what) =>
        date < planStart
            ? $"{what} must be on or after {planStart.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, when the plan began"
            : null;
}
