using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Measures;

/// <summary>A comparator figure for a period: statistical neighbours' average, the region, England, or another named comparator.</summary>
public class MeasureComparator : Entity
{
    private MeasureComparator()
    {
        Name = string.Empty;
    }

    internal MeasureComparator(ComparatorKind kind, string name, decimal value, MeasurePeriod? period, string? periodLabel, string? source,
        int? neighbourCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Kind = kind;
        Name = name;
        Set(value, period, periodLabel, source, neighbourCount);
    }

    public int MeasureId { get; private set; }

    public ComparatorKind Kind { get; private set; }

    /// <summary>"Statistical neighbours", "West Midlands", "England", or the comparator's own name.</summary>
    public string Name { get; private set; }

    public decimal Value { get; private set; }

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    public string? PeriodLabel { get; private set; }

    /// <summary>Where the figure comes from, e.g. the DfE publication and its year.</summary>
    public string? Source { get; private set; }

    /// <summary>For a statistical neighbours' average: how many neighbours' figures it is the mean of.</summary>
    public int? NeighbourCount { get; private set; }

    /// <summary>True when anything changed.</summary>
    internal bool Set(decimal value, MeasurePeriod? period, string? periodLabel, string? source, int? neighbourCount)
    {
        if (neighbourCount is < 1)
        {
            throw new DomainRuleException("A statistical neighbours' average must cover at least one neighbour.");
        }

        var changed = Value != value || PeriodStart != period?.Start || PeriodEnd != period?.End || PeriodLabel != periodLabel
            || Source != source || NeighbourCount != neighbourCount;
        Value = value;
        PeriodStart = period?.Start;
        PeriodEnd = period?.End;
        PeriodLabel = periodLabel;
        Source = source;
        NeighbourCount = neighbourCount;
        return changed;
    }

    internal void Classify(ComparatorKind kind) => Kind = kind;

    /// <summary>The kind a comparator's name implies, for figures recorded before comparators had a kind.</summary>
    public static ComparatorKind KindFromName(string name) => name.Trim().ToUpperInvariant() switch
    {
        "STATISTICAL NEIGHBOURS" or "STAT NEIGHBOURS" => ComparatorKind.StatisticalNeighbours,
        "ENGLAND" or "NATIONAL" => ComparatorKind.England,
        "WEST MIDLANDS" or "EAST MIDLANDS" or "NORTH EAST" or "NORTH WEST" or "YORKSHIRE AND THE HUMBER" or "EAST OF ENGLAND"
            or "LONDON" or "INNER LONDON" or "OUTER LONDON" or "SOUTH EAST" or "SOUTH WEST" => ComparatorKind.Region,
        _ => ComparatorKind.Other,
    };
}
