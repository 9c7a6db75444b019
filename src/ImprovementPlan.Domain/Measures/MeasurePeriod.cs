using System.Globalization;

namespace ImprovementPlan.Domain.Measures;

/// <summary>
/// The dates a figure covers, both ends inclusive. For each frequency the periods tile the calendar:
/// months; financial quarters (Q1 April to June); calendar years; the DfE's reporting year (April to March).
/// A one-off figure's period is whatever dates it covers.
/// </summary>
public readonly record struct MeasurePeriod
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public MeasurePeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException("A period cannot end before it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>The period of the given frequency that contains <paramref name="date"/>; for one-off measures, the day itself.</summary>
    public static MeasurePeriod Containing(MeasureFrequency frequency, DateOnly date)
    {
        switch (frequency)
        {
            case MeasureFrequency.Monthly:
                var month = new DateOnly(date.Year, date.Month, 1);
                return new MeasurePeriod(month, month.AddMonths(1).AddDays(-1));
            case MeasureFrequency.Quarterly:
                var quarterStart = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
                return new MeasurePeriod(quarterStart, quarterStart.AddMonths(3).AddDays(-1));
            case MeasureFrequency.Annual:
                return new MeasurePeriod(new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31));
            case MeasureFrequency.DfeReportingYear:
                var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
                return new MeasurePeriod(new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));
            case MeasureFrequency.OneOff:
                return new MeasurePeriod(date, date);
            default:
                throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency.");
        }
    }

    /// <summary>The period of <paramref name="frequency"/> ending in the given month, if one does (e.g. Q3 ends in December).</summary>
    public static MeasurePeriod? EndingInMonth(MeasureFrequency frequency, int year, int month)
    {
        if (frequency == MeasureFrequency.OneOff)
        {
            return null;
        }

        var lastDay = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var period = Containing(frequency, lastDay);
        return period.End == lastDay ? period : null;
    }

    /// <summary>True when the dates are exactly one period of the frequency (any dates fit a one-off measure).</summary>
    public static bool Fits(MeasureFrequency frequency, DateOnly start, DateOnly end) =>
        end >= start && (frequency == MeasureFrequency.OneOff || Containing(frequency, start) == new MeasurePeriod(start, end));

    /// <summary>The period after this one.</summary>
    public MeasurePeriod Next(MeasureFrequency frequency) => Containing(frequency, End.AddDays(1));

    /// <summary>The period before this one.</summary>
    public MeasurePeriod Previous(MeasureFrequency frequency) => Containing(frequency, Start.AddDays(-1));

    /// <summary>When a figure for this period is due: <paramref name="lagDays"/> after it ends; one-off figures are never due.</summary>
    public DateOnly? DueOn(MeasureFrequency frequency, int lagDays) =>
        frequency == MeasureFrequency.OneOff ? null : End.AddDays(lagDays);

    /// <summary>
    /// The period in words: "October 2026"; "Q3 2026-27 (October to December 2026)"; "2026";
    /// "2025-26" for the DfE reporting year; "7 January 2021" or "14 December 2020 to 31 January 2021" for a one-off.
    /// </summary>
    public string Label(MeasureFrequency frequency)
    {
        if (frequency != MeasureFrequency.OneOff && !Fits(frequency, Start, End))
        {
            return DatesLabel();
        }

        return frequency switch
        {
            MeasureFrequency.Monthly => Start.ToString("MMMM yyyy", Invariant),
            MeasureFrequency.Quarterly => QuarterLabel(),
            MeasureFrequency.Annual => Start.Year.ToString(Invariant),
            MeasureFrequency.DfeReportingYear => FinancialYear(Start.Year),
            _ => DatesLabel(),
        };
    }

    /// <summary>A short key for the period in links and forms: "2026-10" for a month, else the start date "2026-10-01".</summary>
    public string Key(MeasureFrequency frequency) =>
        frequency == MeasureFrequency.Monthly && Fits(frequency, Start, End)
            ? Start.ToString("yyyy-MM", Invariant)
            : Start.ToString("yyyy-MM-dd", Invariant);

    /// <summary>Reads a month key such as "2026-10".</summary>
    public static bool TryParseMonth(string? key, out MeasurePeriod month)
    {
        month = default;
        if (key is null || !DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var start))
        {
            return false;
        }

        month = Containing(MeasureFrequency.Monthly, start);
        return true;
    }

    private string QuarterLabel()
    {
        var financialYear = Start.Month >= 4 ? Start.Year : Start.Year - 1;
        var quarter = Start.Month switch
        {
            >= 4 and <= 6 => 1,
            >= 7 and <= 9 => 2,
            >= 10 => 3,
            _ => 4,
        };
        return $"Q{quarter} {FinancialYear(financialYear)} ({Start.ToString("MMMM", Invariant)} to {End.ToString("MMMM yyyy", Invariant)})";
    }

    private static string FinancialYear(int startYear) =>
        $"{startYear}-{((startYear + 1) % 100).ToString("00", Invariant)}";

    private string DatesLabel() =>
        Start == End
            ? Start.ToString("d MMMM yyyy", Invariant)
            : $"{Start.ToString("d MMMM yyyy", Invariant)} to {End.ToString("d MMMM yyyy", Invariant)}";
}
