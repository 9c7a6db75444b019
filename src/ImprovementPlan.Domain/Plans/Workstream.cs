using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>A workstream of the plan (LG, CS, QP, PM, E) with the outcomes it will achieve.</summary>
public class Workstream : Entity
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
}
