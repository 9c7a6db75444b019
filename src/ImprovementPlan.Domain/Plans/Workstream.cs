using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>A workstream of the plan (LG, CS, QP, PM, E) with the outcomes it will achieve.</summary>
public class Workstream : Entity, IStructureItem
{
    private Workstream()
    {
        Code = Name = string.Empty;
    }

    public Workstream(int planId, string code, string name, int sortOrder, string? accountableLead, string? description,
        IEnumerable<string> outcomes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PlanId = planId;
        Code = code;
        Name = name;
        SortOrder = sortOrder;
        AccountableLead = accountableLead;
        Description = description;
        Outcomes = [.. outcomes];
    }

    public int PlanId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public string? AccountableLead { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The "we will achieve" outcome statements.</summary>
    public IReadOnlyList<string> Outcomes { get; private set; } = [];

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

    /// <summary>Moves it in the plan's order.</summary>
    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Edit(string code, string name, string? accountableLead, string? description, IEnumerable<string> outcomes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(outcomes);
        Code = code;
        Name = name;
        AccountableLead = accountableLead;
        Description = description;
        Outcomes = [.. outcomes];
    }

    public string Label => $"Workstream {Code}";
}
