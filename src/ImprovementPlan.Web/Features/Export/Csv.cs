using System.Text;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>
/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF between records.
/// A field a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
/// return) is written with a leading apostrophe, as OWASP advises against CSV injection, so it is
/// shown as text; a plain number such as -5 or 12.5 is left as it is.
/// </summary>
public static class Csv
{
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");

    public static void AppendRecord(StringBuilder output, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            AppendField(output, field ?? string.Empty);
        }

        output.Append("\r\n");
    }

    /// <summary>The field as a spreadsheet may safely open it.</summary>
    public static string Neutralised(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Length == 0 || !FormulaStarts.Contains(field[0]) || IsPlainNumber(field))
        {
            return field;
        }

        return "'" + field;
    }

    private static bool IsPlainNumber(string field) =>
        field[0] is '-' or '+'
        && decimal.TryParse(field, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out _);

    private static void AppendField(StringBuilder output, string field)
    {
        field = Neutralised(field);
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Append(field);
            return;
        }

        output.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
