using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>A delivery stage of the plan (e.g. "Stage One – Foundation Work").</summary>
public class Stage : Entity
{
    private Stage()
    {
        Name = string.Empty;
    }

    public Stage(int planId, int number, string name, DateOnly targetDate, string? targetDateText, string? description,
        IEnumerable<string> benefits, IEnumerable<string> deliverables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PlanId = planId;
        Number = number;
        Name = name;
        TargetDate = targetDate;
        TargetDateText = targetDateText;
        Description = description;
        Benefits = [.. benefits];
        Deliverables = [.. deliverables];
    }

    public int PlanId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public DateOnly TargetDate { get; private set; }

    /// <summary>The target date in the plan's own words, e.g. "Completion by August 2020".</summary>
    public string? TargetDateText { get; private set; }

    public string? Description { get; private set; }

    public IReadOnlyList<string> Benefits { get; private set; } = [];

    public IReadOnlyList<string> Deliverables { get; private set; } = [];
}
