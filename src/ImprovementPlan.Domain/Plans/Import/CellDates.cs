using System.Globalization;

namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>A date read from a cell, with a note when it had to be interpreted (e.g. a month read as its last day).</summary>
public sealed record CellDate(DateOnly Date, string? Note);

/// <summary>
/// Reads dates as councils type them: Excel serial dates, dd/MM/yyyy, d MMMM yyyy (with or without
/// "st", "nd", "rd", "th") and a month alone ("March 2021"), which is read as the month's last day.
/// </summary>
public static class CellDates
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DayFormats =
        ["d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "dddd d MMMM yyyy", "d MMMM, yyyy"];

    private static readonly string[] MonthFormats = ["MMMM yyyy", "MMM yyyy", "MMMM, yyyy", "MM/yyyy", "M/yyyy"];

    /// <summary>The date a cell holds, or null with the reason in <paramref name="error"/>; a blank cell is neither (both null).</summary>
    public static CellDate? Read(WorkbookCell cell, out string? error)
    {
        ArgumentNullException.ThrowIfNull(cell);
        error = null;
        if (cell.IsBlank)
        {
            return null;
        }

        if (cell.Kind == CellKind.Number && cell.Number is { } serial)
        {
            if (serial is < 1 or > 2958465 || serial != Math.Floor(serial))
            {
                error = $"{cell.Text} is not a date";
                return null;
            }

            return new CellDate(DateOnly.FromDateTime(DateTime.FromOADate(serial)), null);
        }

        return ReadText(cell.Text, out error);
    }

    /// <summary>The date typed as text, or null with the reason.</summary>
    public static CellDate? ReadText(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var typed = Tidy(text);
        if (DateOnly.TryParseExact(typed, DayFormats, UkCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return new CellDate(date, null);
        }

        if (DateOnly.TryParseExact(typed, MonthFormats, UkCulture, DateTimeStyles.AllowWhiteSpaces, out var month))
        {
            var last = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            return new CellDate(last, $"“{text.Trim()}” read as {last.ToString("d MMMM yyyy", UkCulture)}, the last day of the month");
        }

        error = LooksLikeADay(typed) ? $"{text.Trim()} is not a real date" : $"{text.Trim()} is not a date; use dd/mm/yyyy, such as 31/03/2021";
        return null;
    }

    private static string Tidy(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length > 2 && char.IsAsciiDigit(word[0]) && (word.EndsWith("st", StringComparison.OrdinalIgnoreCase)
                || word.EndsWith("nd", StringComparison.OrdinalIgnoreCase) || word.EndsWith("rd", StringComparison.OrdinalIgnoreCase)
                || word.EndsWith("th", StringComparison.OrdinalIgnoreCase)))
            {
                words[i] = word[..^2];
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Shaped like a day (31/02/2021, 30 February 2021) but not one that exists.</summary>
    private static bool LooksLikeADay(string typed)
    {
        var parts = typed.Split(['/', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
