using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Measures;

/// <summary>A measure's figure for one period, with the date it was produced ("as at"), which is not its period.</summary>
public class MeasureActual : Entity
{
    private MeasureActual()
    {
    }

    internal MeasureActual(MeasurePeriod period, string? periodLabel, decimal value, string? note, bool isProvisional, DateOnly asAt,
        string? recordedByUserId, string? recordedBy)
    {
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        PeriodLabel = periodLabel;
        Value = value;
        Note = note;
        IsProvisional = isProvisional;
        AsAt = asAt;
        RecordedByUserId = recordedByUserId;
        RecordedBy = recordedBy;
    }

    public int MeasureId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public MeasurePeriod Period => new(PeriodStart, PeriodEnd);

    public string? PeriodLabel { get; private set; }

    public decimal Value { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The figure may still change (e.g. before the data is validated).</summary>
    public bool IsProvisional { get; private set; }

    /// <summary>The date the figure was produced; ratings as at a date only see figures produced by then.</summary>
    public DateOnly AsAt { get; private set; }

    public string? RecordedByUserId { get; private set; }

    /// <summary>The name of whoever recorded the figure, or the document it came from.</summary>
    public string? RecordedBy { get; private set; }

    /// <summary>Why the figure was last corrected; the audit keeps each correction's old and new values with it.</summary>
    public string? CorrectionReason { get; private set; }

    internal void Correct(decimal value, string? note, bool isProvisional, DateOnly asAt, string reason, string? userId, string? userName)
    {
        Value = value;
        Note = note;
        IsProvisional = isProvisional;
        AsAt = asAt;
        CorrectionReason = reason;
        RecordedByUserId = userId;
        RecordedBy = userName;
    }

    /// <summary>Sets the production date of a figure recorded before figures carried one.</summary>
    internal void DateProduction(DateOnly asAt) => AsAt = asAt;
}
