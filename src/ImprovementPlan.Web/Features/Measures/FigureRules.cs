using System.Globalization;
using ImprovementPlan.Domain.Measures;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>The checks every figure, target and comparator value passes, with GOV.UK messages.</summary>
public static class FigureRules
{
    public const int NoteLimit = 2000;

    /// <summary>Reads a typed value in the measure's unit: a number, 0 to 100 for a percentage, at most its decimal places.</summary>
    public static (decimal? Value, string? Error) ParseValue(string? typed, MeasureUnit unit, int decimalPlaces, string what = "the figure")
    {
        var capitalised = char.ToUpperInvariant(what[0]) + what[1..];
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, $"Enter {what}");
        }

        var cleaned = typed.Trim().TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('£').Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"{capitalised} must be a number");
        }

        if (unit == MeasureUnit.Percent && value is < 0 or > 100)
        {
            return (null, $"{capitalised} must be a percentage between 0 and 100");
        }

        if (unit != MeasureUnit.Currency && value < 0)
        {
            return (null, $"{capitalised} must be 0 or more");
        }

        if (decimal.Round(value, decimalPlaces) != value)
        {
            return (null, decimalPlaces == 0
                ? $"{capitalised} must be a whole number"
                : $"{capitalised} must have no more than {decimalPlaces} decimal place{(decimalPlaces == 1 ? "" : "s")}");
        }

        return (value, null);
    }

    /// <summary>Reads a period key (its start date, "2026-10-01") and checks it is one period of the frequency and not in the future.</summary>
    public static (MeasurePeriod? Period, string? Error) ParsePeriod(string? key, MeasureFrequency frequency, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(key)
            || !DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return (null, "Select the period the figure is for");
        }

        var period = MeasurePeriod.Containing(frequency, start);
        if (period.Start != start)
        {
            return (null, $"The period must be one {FrequencyText.PeriodNoun(frequency)}");
        }

        return PeriodNotInFuture(period, today);
    }

    public static (MeasurePeriod? Period, string? Error) PeriodNotInFuture(MeasurePeriod period, DateOnly today) =>
        period.Start > today ? (null, "The period cannot be in the future") : (period, null);

    /// <summary>The periods offered for a new figure: the latest twelve that have started, newest first.</summary>
    public static IReadOnlyList<MeasurePeriod> RecentPeriods(MeasureFrequency frequency, DateOnly today)
    {
        if (frequency == MeasureFrequency.OneOff)
        {
            return [];
        }

        var periods = new List<MeasurePeriod>();
        var period = MeasurePeriod.Containing(frequency, today);
        for (var i = 0; i < 12; i++)
        {
            periods.Add(period);
            period = period.Previous(frequency);
        }

        return periods;
    }

    public static string Key(MeasurePeriod period) => period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? NoteError(string? note) =>
        note is { Length: > NoteLimit } ? $"The note must be {NoteLimit} characters or fewer" : null;
}
