namespace ImprovementPlan.Domain.Plans;

/// <summary>A part of a plan's structure (workstream, priority, source review, stage): ordered, and retired rather than deleted.</summary>
public interface IStructureItem
{
    int Id { get; }

    int PlanId { get; }

    int SortOrder { get; }

    DateOnly? RetiredOn { get; }

    /// <summary>How the item is named in messages, e.g. "Workstream LG" or "Priority 3".</summary>
    string Label { get; }

    void MoveTo(int sortOrder);

    void Retire(DateOnly retiredOn);

    void Reinstate();
}
