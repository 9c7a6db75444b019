using System.Globalization;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>A date typed as day, month and year, as the GOV.UK date input asks for it.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateParts();

    /// <summary>
    /// The date, or the GOV.UK error message for what is wrong with it: "Enter {what}",
    /// "{What} must include a month", "{What} must be a real date".
    /// </summary>
    public (DateOnly? Date, string? Error) Parse(string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        var capitalised = char.ToUpperInvariant(what[0]) + what[1..];
        if (IsEmpty)
        {
            return (null, $"Enter {what}");
        }

        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            return (null, $"{capitalised} must include a {string.Join(" and ", missing)}");
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return (new DateOnly(year, month, day), null);
        }

        return (null, $"{capitalised} must be a real date");
    }
}
