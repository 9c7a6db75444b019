using System.Text;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF between records.</summary>
public static class Csv
{
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

    private static void AppendField(StringBuilder output, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Append(field);
            return;
        }

        output.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
