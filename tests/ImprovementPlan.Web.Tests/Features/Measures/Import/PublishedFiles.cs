using System.Globalization;
using Microsoft.VisualBasic.FileIO;

namespace ImprovementPlan.Web.Tests.Features.Measures.Import;

/// <summary>
/// The real DfE files copied into the test project, and a plain reading of them with the
/// framework's own CSV parser, so tests check the import against the files rather than against
/// the import's own reading of them.
/// </summary>
public static class PublishedFiles
{
    public const string ReferralsFileName = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
    public const string GroupingsFileName = "New_Statistical_Neighbour_Groupings_April_2021.csv";

    public static string ReferralsPath => Path.Combine(AppContext.BaseDirectory, "Features", "Measures", "Import", "TestData", ReferralsFileName);

    public static string GroupingsPath => Path.Combine(AppContext.BaseDirectory, "Features", "Measures", "Import", "TestData", GroupingsFileName);

    /// <summary>Every row of a CSV file as column name → value (the first column of a repeated name wins).</summary>
    public static List<Dictionary<string, string>> Rows(string path)
    {
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.Select(h => h.Trim('\uFEFF', ' ')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } fields)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
            {
                row.TryAdd(header[i], fields[i]);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The header of a CSV file.</summary>
    public static string[] Header(string path)
    {
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        return parser.ReadFields()!.Select(h => h.Trim('\uFEFF', ' ')).ToArray();
    }

    /// <summary>The published value of an indicator for a row picked by level, year and a code; null when it is a symbol.</summary>
    public static decimal? Value(List<Dictionary<string, string>> rows, string level, string year, string codeColumn, string code, string indicator)
    {
        var row = rows.Single(r => r["geographic_level"] == level && r["time_period"] == year && r[codeColumn] == code);
        return decimal.TryParse(row[indicator], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A council's ten neighbours in the 2021 groupings file (columns SN1 … SN10).</summary>
    public static List<string> NeighboursOf(string oldLaCode)
    {
        var header = Header(GroupingsPath);
        using var parser = new TextFieldParser(GroupingsPath, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited };
        parser.SetDelimiters(",");
        parser.ReadFields();
        while (parser.ReadFields() is { } fields)
        {
            if (fields[0] == oldLaCode)
            {
                return Enumerable.Range(1, 10).Select(n => fields[Array.IndexOf(header, $"SN{n}")]).ToList();
            }
        }

        throw new InvalidOperationException($"No row for {oldLaCode}.");
    }
}
