using System.Text.RegularExpressions;

namespace ImprovementPlan.Domain.Measures.Dfe;

/// <summary>Statistical-neighbour groupings read from a file, or the reasons the file was refused.</summary>
public sealed record NeighbourGroupingsReading(NeighbourGroupings? Groupings, IReadOnlyList<string> Errors)
{
    public bool IsValid => Groupings is not null;
}

/// <summary>
/// Each council's statistical neighbours, by old three-digit LA code, as the DfE publishes them: a
/// row per council with a column of its code and numbered neighbour columns (SN1 … SN10). Editions
/// name these columns differently, so they are found by pattern and by holding LA codes, not by name.
/// </summary>
public sealed partial class NeighbourGroupings
{
    private readonly Dictionary<string, IReadOnlyList<string>> _neighbours;

    private NeighbourGroupings(string councilColumn, IReadOnlyList<string> neighbourColumns,
        Dictionary<string, IReadOnlyList<string>> neighbours, Dictionary<string, string> names)
    {
        CouncilColumn = councilColumn;
        NeighbourColumns = neighbourColumns;
        _neighbours = neighbours;
        Names = names;
    }

    /// <summary>The column the council codes were read from, e.g. "LA num".</summary>
    public string CouncilColumn { get; }

    /// <summary>The neighbour columns, in neighbour order, e.g. "SN1" … "SN10".</summary>
    public IReadOnlyList<string> NeighbourColumns { get; }

    /// <summary>Council names by code, where the file has a name column.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    public int CouncilCount => _neighbours.Count;

    /// <summary>The council's neighbours' old LA codes in order, or null when the file has no row for it.</summary>
    public IReadOnlyList<string>? NeighboursOf(string oldLaCode) =>
        _neighbours.TryGetValue((oldLaCode ?? string.Empty).Trim(), out var codes) ? codes : null;

    public static NeighbourGroupingsReading Read(IReadOnlyList<string> header, IEnumerable<DfeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = header.Select(h => (h ?? string.Empty).Trim().Trim('\uFEFF').Trim()).ToList();
        var list = rows.ToList();
        if (columns.All(c => c.Length == 0))
        {
            return Refuse("The groupings file is empty: it has no header row.");
        }

        var councilIndex = Enumerable.Range(0, columns.Count)
            .Where(i => CouncilColumnPattern().IsMatch(Normalise(columns[i])) && HoldsCodes(list, i))
            .DefaultIfEmpty(-1)
            .First();

        var neighbourIndexes = Enumerable.Range(0, columns.Count)
            .Select(i => (Index: i, Match: NeighbourColumnPattern().Match(Normalise(columns[i]))))
            .Where(c => c.Match.Success && c.Index != councilIndex && HoldsCodes(list, c.Index))
            .GroupBy(c => int.Parse(c.Match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => g.First().Index)
            .ToList();

        var errors = new List<string>();
        if (councilIndex < 0)
        {
            errors.Add("The groupings file has no column of council codes: it needs a column such as \u2018LA num\u2019 or \u2018old_la_code\u2019 holding three-digit LA codes.");
        }

        if (neighbourIndexes.Count == 0)
        {
            errors.Add("The groupings file has no neighbour columns: it needs numbered columns such as \u2018SN1\u2019 to \u2018SN10\u2019 holding three-digit LA codes.");
        }

        if (errors.Count > 0)
        {
            return new NeighbourGroupingsReading(null, errors);
        }

        var nameIndex = Enumerable.Range(0, columns.Count).FirstOrDefault(i => NameColumnPattern().IsMatch(Normalise(columns[i])), -1);
        var neighbours = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in list)
        {
            var code = row[councilIndex].Trim();
            if (!IsCode(code))
            {
                continue;
            }

            var codes = neighbourIndexes.Select(i => row[i].Trim()).Where(IsCode).ToList();
            if (!neighbours.TryAdd(code, codes))
            {
                errors.Add($"The council {code} has more than one row in the groupings file (line {row.LineNumber}).");
            }

            if (nameIndex >= 0 && row[nameIndex].Trim() is { Length: > 0 } name)
            {
                names.TryAdd(code, name);
            }
        }

        if (errors.Count > 0)
        {
            return new NeighbourGroupingsReading(null, errors);
        }

        return neighbours.Count == 0
            ? Refuse("The groupings file has no rows of councils and their neighbours.")
            : new NeighbourGroupingsReading(
                new NeighbourGroupings(columns[councilIndex], neighbourIndexes.Select(i => columns[i]).ToList(), neighbours, names), []);
    }

    private static bool IsCode(string value) => value.Length == 3 && value.All(char.IsAsciiDigit);

    /// <summary>At least one three-digit code and nothing but codes and blanks.</summary>
    private static bool HoldsCodes(List<DfeRow> rows, int index)
    {
        var values = rows.Select(r => r[index].Trim()).Where(v => v.Length > 0).ToList();
        return values.Count > 0 && values.All(IsCode);
    }

    private static string Normalise(string header) =>
        new(header.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    private static NeighbourGroupingsReading Refuse(string error) => new(null, [error]);

    // "LA num", "LA number", "LA code", "old_la_code", "LA_Code_Old", "Local authority code".
    [GeneratedRegex("^(old)?(la|lea|localauthority)(num|number|no|code|codeold|id)(old)?$")]
    private static partial Regex CouncilColumnPattern();

    // "SN1", "SN 10", "SN1_code", "Statistical neighbour 3", "Neighbour 2 LA code"; not "SNP".
    [GeneratedRegex("^(sn|statisticalneighbou?r|statneighbou?r|neighbou?r)(?<n>[0-9]{1,2})(code|num|number|no|lacode|lanum|lanumber|oldlacode)?$")]
    private static partial Regex NeighbourColumnPattern();

    [GeneratedRegex("^(la|lea|localauthority)name$")]
    private static partial Regex NameColumnPattern();
}
