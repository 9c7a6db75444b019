using System.Globalization;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>Reads the start times and date lists typed into meeting forms.</summary>
public static class MeetingFormat
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm"];

    private static readonly string[] DateFormats = ["d/M/yyyy", "d M yyyy", "d-M-yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>The time, or null for nothing typed; <paramref name="valid"/> is false when something unreadable was typed.</summary>
    public static TimeOnly? ParseTime(string? text, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        valid = false;
        return null;
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out date);

    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
