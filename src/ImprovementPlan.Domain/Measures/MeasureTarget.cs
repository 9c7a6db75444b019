using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Measures;

/// <summary>A point on a measure's target trajectory: the value to reach by a date.</summary>
public class MeasureTarget : Entity
{
    private MeasureTarget()
    {
    }

    internal MeasureTarget(DateOnly date, decimal value, string? label, string? note, bool dateAssumed)
    {
        Date = date;
        Value = value;
        Label = label;
        Note = note;
        DateAssumed = dateAssumed;
    }

    public int MeasureId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>The target's date in the source's words, e.g. "Quarter 2".</summary>
    public string? Label { get; private set; }

    /// <summary>How the target was read from its source, or why it was set.</summary>
    public string? Note { get; private set; }

    /// <summary>The source gives no date for this target: the date is the council's reading, shown as "date assumed".</summary>
    public bool DateAssumed { get; private set; }

    internal void Change(DateOnly date, decimal value, string? label, string? note, bool dateAssumed)
    {
        Date = date;
        Value = value;
        Label = label;
        Note = note;
        DateAssumed = dateAssumed;
    }
}
