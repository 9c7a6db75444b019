namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>A column an import understands: its key, the template's heading, other headings that mean it, and whether it must be there.</summary>
public sealed record ImportField(string Key, string Heading, bool Required, params string[] Synonyms);

/// <summary>Matches a workbook's column headings to the fields an import understands, ignoring case, spacing and punctuation.</summary>
public static class HeaderMatcher
{
    /// <summary>Lower-case letters and digits only: "How will we know?" → "howwillweknow".</summary>
    public static string Normalise(string? heading) =>
        new([.. (heading ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>The field a heading names, or null.</summary>
    public static ImportField? Match(string? heading, IEnumerable<ImportField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var key = Normalise(heading);
        if (key.Length == 0)
        {
            return null;
        }

        var list = fields.ToList();
        return list.FirstOrDefault(f => Normalise(f.Heading) == key || Normalise(f.Key) == key)
            ?? list.FirstOrDefault(f => f.Synonyms.Any(s => Normalise(s) == key));
    }

    /// <summary>
    /// Which column each field is in: a heading matched by name, unless <paramref name="chosen"/> (column → field key, or "" to ignore a
    /// column) says otherwise. Returns the mapping and the columns whose heading matched nothing and were not chosen.
    /// </summary>
    public static (IReadOnlyDictionary<string, int> Columns, IReadOnlyList<int> Unmatched) MapColumns(
        WorkbookSheet sheet, int headerRow, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<int, string>? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(fields);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var unmatched = new List<int>();
        for (var column = 1; column <= sheet.LastColumn; column++)
        {
            var heading = sheet.Cell(headerRow, column);
            if (chosen is not null && chosen.TryGetValue(column, out var choice))
            {
                if (choice.Length > 0 && fields.Any(f => f.Key == choice))
                {
                    columns.TryAdd(choice, column);
                }

                continue;
            }

            if (heading.IsBlank)
            {
                continue;
            }

            if (Match(heading.Text, fields) is { } field && columns.TryAdd(field.Key, column))
            {
                continue;
            }

            unmatched.Add(column);
        }

        return (columns, unmatched);
    }
}
