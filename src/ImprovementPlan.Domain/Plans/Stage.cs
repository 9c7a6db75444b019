using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>A delivery stage of the plan (e.g. "Stage One – Foundation Work").</summary>
public class Stage : Entity, IStructureItem
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

    /// <summary>Position in the plan's own order of stages (the number stays the stage's name).</summary>
    public int SortOrder { get; private set; }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Edit(int number, string name, DateOnly targetDate, string? targetDateText, string? description, IEnumerable<string> deliverables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(deliverables);
        Number = number;
        Name = name;
        TargetDate = targetDate;
        TargetDateText = targetDateText;
        Description = description;
        Deliverables = [.. deliverables];
    }

    /// <summary>The date this was retired from: hidden from choices for new entries, kept in history and earlier reports.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public bool IsRetired => RetiredOn is not null;

    /// <summary>Retires it from <paramref name="retiredOn"/>; its history stays.</summary>
    public void Retire(DateOnly retiredOn)
    {
        if (IsRetired)
        {
            throw new DomainRuleException("This is already retired");
        }

        RetiredOn = retiredOn;
    }

    /// <summary>Brings a retired entry back into use.</summary>
    public void Reinstate() => RetiredOn = null;

    public string Label => $"Stage {Number}";
}
