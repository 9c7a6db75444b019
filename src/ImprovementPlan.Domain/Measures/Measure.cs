using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Measures;

public enum MeasureUnit
{
    Percent = 0,
    Count = 1,
    Days = 2,
    Ratio = 3,
    Currency = 4,
}

public enum MeasureFrequency
{
    Monthly = 0,
    Quarterly = 1,
    Annual = 2,
    OneOff = 3,
}

/// <summary>A performance measure (KPI) with its target trajectory, actuals and comparators.</summary>
public class Measure : Entity
{
    private readonly List<MeasureTarget> _targets = [];
    private readonly List<MeasureActual> _actuals = [];
    private readonly List<MeasureComparator> _comparators = [];

    private Measure()
    {
        Code = Name = string.Empty;
    }

    public Measure(int planId, int? priorityId, string code, string name, MeasureUnit unit, Polarity polarity,
        MeasureFrequency frequency, string? owner, string? sourceText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PlanId = planId;
        PriorityId = priorityId;
        Code = code;
        Name = name;
        Unit = unit;
        Polarity = polarity;
        Frequency = frequency;
        Owner = owner;
        SourceText = sourceText;
    }

    public int PlanId { get; private set; }

    public int? PriorityId { get; private set; }

    /// <summary>A stable short key, e.g. "MASH-CONTACTS-1WD".</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public MeasureUnit Unit { get; private set; }

    public Polarity Polarity { get; private set; }

    public MeasureFrequency Frequency { get; private set; }

    /// <summary>The owner's job title.</summary>
    public string? Owner { get; private set; }

    /// <summary>The sentence of the source document the figures come from.</summary>
    public string? SourceText { get; private set; }

    public IReadOnlyCollection<MeasureTarget> Targets => _targets;

    public IReadOnlyCollection<MeasureActual> Actuals => _actuals;

    public IReadOnlyCollection<MeasureComparator> Comparators => _comparators;

    public void AddTarget(DateOnly date, decimal value, string? label) => _targets.Add(new MeasureTarget(date, value, label));

    public void RecordActual(DateOnly periodStart, DateOnly periodEnd, string? periodLabel, decimal value, string? note) =>
        _actuals.Add(new MeasureActual(periodStart, periodEnd, periodLabel, value, note));

    public void AddComparator(string name, decimal value, string? periodLabel) =>
        _comparators.Add(new MeasureComparator(name, value, periodLabel));
}

/// <summary>A point on a measure's target trajectory: the value to reach by a date.</summary>
public class MeasureTarget : Entity
{
    private MeasureTarget()
    {
    }

    internal MeasureTarget(DateOnly date, decimal value, string? label)
    {
        Date = date;
        Value = value;
        Label = label;
    }

    public int MeasureId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>The target's date in the source's words, e.g. "Quarter 2".</summary>
    public string? Label { get; private set; }
}

/// <summary>A measured value for a period.</summary>
public class MeasureActual : Entity
{
    private MeasureActual()
    {
    }

    internal MeasureActual(DateOnly periodStart, DateOnly periodEnd, string? periodLabel, decimal value, string? note)
    {
        if (periodEnd < periodStart)
        {
            throw new ArgumentException("A period cannot end before it starts.", nameof(periodEnd));
        }

        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        PeriodLabel = periodLabel;
        Value = value;
        Note = note;
    }

    public int MeasureId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string? PeriodLabel { get; private set; }

    public decimal Value { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>A comparator figure: statistical neighbours, the region or England.</summary>
public class MeasureComparator : Entity
{
    private MeasureComparator()
    {
        Name = string.Empty;
    }

    internal MeasureComparator(string name, decimal value, string? periodLabel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Value = value;
        PeriodLabel = periodLabel;
    }

    public int MeasureId { get; private set; }

    public string Name { get; private set; }

    public decimal Value { get; private set; }

    public string? PeriodLabel { get; private set; }
}
