namespace ImprovementPlan.Domain.Measures;

/// <summary>What a comparator figure is the figure of.</summary>
public enum ComparatorKind
{
    /// <summary>Any other named comparator.</summary>
    Other = 0,

    /// <summary>The average of the council's statistical neighbours.</summary>
    StatisticalNeighbours = 1,

    /// <summary>The council's region, e.g. West Midlands.</summary>
    Region = 2,

    England = 3,
}
