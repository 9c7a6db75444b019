using System.Globalization;

namespace ImprovementPlan.Domain.Measures.Dfe;

/// <summary>A cell of a DfE file read as a figure: its value, or why it has none.</summary>
public readonly record struct DfeCellValue(decimal? Value, string? Reason)
{
    public bool HasValue => Value.HasValue;
}

/// <summary>
/// Reads the cells of the DfE's statistics files. Published tables put a symbol where a figure is
/// withheld or missing; each is turned into a reason a person can read in the import preview.
/// </summary>
public static class DfeCell
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c"] = "suppressed to protect confidentiality (c)",
        ["x"] = "not available (x)",
        ["z"] = "not applicable (z)",
        ["u"] = "low reliability (u)",
        ["low"] = "a small figure that rounds to zero (low)",
        [":"] = "not available (:)",
        ["~"] = "a small figure that rounds to zero (~)",
        [".."] = "not available (..)",
    };

    /// <summary>Whether the text is one of the DfE's symbols for a missing figure, or blank.</summary>
    public static bool IsMissingMarker(string? raw) =>
        string.IsNullOrWhiteSpace(raw) || Symbols.ContainsKey(raw.Trim());

    /// <summary>The cell's figure, or the reason it has none ("suppressed to protect confidentiality (c)").</summary>
    public static DfeCellValue Read(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new DfeCellValue(null, "blank");
        }

        var text = raw.Trim();
        if (Symbols.TryGetValue(text, out var reason))
        {
            return new DfeCellValue(null, reason);
        }

        return TryParseNumber(text, out var value)
            ? new DfeCellValue(value, null)
            : new DfeCellValue(null, $"not a number (\u2018{Shorten(text)}\u2019)");
    }

    /// <summary>A plain decimal number as the DfE writes them: optional sign, digits, optional decimal point.</summary>
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "\u2026");
}
