using System.Globalization;
using ImprovementPlan.Domain.Measures;

namespace ImprovementPlan.Domain.Rag;

/// <summary>Figures, periods and dates of a measure in the words the rating reasons use, whatever the server's culture.</summary>
public sealed class MeasureText(MeasureUnit unit, int decimalPlaces, MeasureFrequency frequency)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value in the measure's unit: "45%", "24.1", "3 days", "£1,200", "35.2 per 10,000 children".</summary>
    public string Value(decimal value)
    {
        var number = Number(value);
        return unit switch
        {
            MeasureUnit.Percent => number + "%",
            MeasureUnit.Days => number + (value == 1 ? " day" : " days"),
            MeasureUnit.Currency => (value < 0 ? "-£" : "£") + Number(Math.Abs(value)),
            MeasureUnit.RatePer10000Children => number + " per 10,000 children",
            _ => number,
        };
    }

    /// <summary>A difference: "12 points" for percentages, "3 days", else the value.</summary>
    public string Amount(decimal difference) => unit switch
    {
        MeasureUnit.Percent => Number(difference) + (difference == 1 ? " point" : " points"),
        _ => Value(difference),
    };

    /// <summary>"5-point tolerance", "3-day tolerance", else "tolerance of 0.5".</summary>
    public string Tolerance(decimal tolerance) => unit switch
    {
        MeasureUnit.Percent => $"{Plain(tolerance)}-point tolerance",
        MeasureUnit.Days => $"{Plain(tolerance)}-day tolerance",
        _ => $"tolerance of {Value(tolerance)}",
    };

    /// <summary>"45% in November 2020".</summary>
    public string Figure(ActualPoint actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return $"{Value(actual.Value)} in {Period(actual)}";
    }

    public string Period(ActualPoint actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return actual.Label ?? Period(new MeasurePeriod(actual.PeriodStart, actual.PeriodEnd));
    }

    public string Period(MeasurePeriod period) => period.Label(frequency);

    /// <summary>"February 2021" for a month's last day, else "17 March 2021"; "(date assumed)" when the source gave none.</summary>
    public static string TargetDate(TargetPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return TargetDate(target.Date) + (target.DateAssumed ? " (date assumed)" : string.Empty);
    }

    public static string TargetDate(DateOnly date) =>
        date.Day == DateTime.DaysInMonth(date.Year, date.Month) ? date.ToString("MMMM yyyy", Invariant) : Date(date);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    private string Number(decimal value) =>
        Math.Round(value, decimalPlaces, MidpointRounding.AwayFromZero).ToString("N" + decimalPlaces.ToString(Invariant), Invariant);

    private static string Plain(decimal value) => value.ToString("0.####", Invariant);
}
