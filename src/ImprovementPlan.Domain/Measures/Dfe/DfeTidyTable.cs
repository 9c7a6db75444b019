namespace ImprovementPlan.Domain.Measures.Dfe;

/// <summary>A column that divides the figures into kinds (e.g. <c>category</c>), with the values it takes.</summary>
public sealed record DfeDimension(string Column, IReadOnlyList<string> Values)
{
    /// <summary>More than one value: the rows for a place and period differ by it, so one must be chosen.</summary>
    public bool NeedsChoice => Values.Count > 1;
}

/// <summary>A table read from a file in the DfE's "tidy" layout, or the reasons the file was refused.</summary>
public sealed record DfeTableReading(DfeTidyTable? Table, IReadOnlyList<string> Errors)
{
    public bool IsValid => Table is not null;
}

/// <summary>
/// A DfE statistics file in the "tidy" layout of Explore Education Statistics: the time and
/// geography columns named in <see cref="RequiredColumns"/>, then any number of other columns.
/// A column holding only figures and the DfE's symbols is an indicator; any other column is a
/// dimension (such as <c>category</c> or <c>breakdown</c>) whose value a person may have to choose.
/// </summary>
public sealed class DfeTidyTable
{
    public const string TimePeriod = "time_period";
    public const string TimeIdentifier = "time_identifier";
    public const string GeographicLevel = "geographic_level";
    public const string CountryCode = "country_code";
    public const string CountryName = "country_name";
    public const string RegionCode = "region_code";
    public const string RegionName = "region_name";
    public const string OldLaCode = "old_la_code";
    public const string NewLaCode = "new_la_code";
    public const string LaName = "la_name";

    /// <summary>The columns every tidy file must have, in the order the DfE writes them.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
        [TimePeriod, TimeIdentifier, GeographicLevel, CountryCode, CountryName, RegionCode, RegionName, OldLaCode, NewLaCode, LaName];

    /// <summary>The geographic levels the import reads; rows at other levels (wards, schools …) are not used.</summary>
    public static readonly IReadOnlyList<string> UsedLevels = ["National", "Regional", "Local authority"];

    private const int MaxErrorsListed = 5;

    private readonly Dictionary<string, int> _index;

    private DfeTidyTable(IReadOnlyList<string> columns, IReadOnlyList<DfeRow> rows, Dictionary<string, int> index,
        IReadOnlyList<string> indicators, IReadOnlyList<DfeDimension> dimensions)
    {
        Columns = columns;
        Rows = rows;
        _index = index;
        IndicatorColumns = indicators;
        Dimensions = dimensions;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<DfeRow> Rows { get; }

    /// <summary>The columns of figures the file offers, in the file's order.</summary>
    public IReadOnlyList<string> IndicatorColumns { get; }

    /// <summary>The other columns beyond the required ones, with their values.</summary>
    public IReadOnlyList<DfeDimension> Dimensions { get; }

    /// <summary>The index of a column, matched ignoring case; -1 when the file has none.</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The cell of <paramref name="row"/> in the named column ("" when there is none).</summary>
    public string Cell(DfeRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row[IndexOf(column)].Trim();
    }

    /// <summary>Whether the row is at one of the <see cref="UsedLevels"/>.</summary>
    public bool IsAtUsedLevel(DfeRow row) =>
        UsedLevels.Contains(Cell(row, GeographicLevel), StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the layout and classifies the columns; a file in another layout is refused with reasons naming what is wrong.</summary>
    public static DfeTableReading Read(IReadOnlyList<string> header, IEnumerable<DfeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);

        var columns = header.Select(CleanHeader).ToList();
        if (columns.Count == 0 || columns.All(c => c.Length == 0))
        {
            return Refuse("The file is empty: it has no header row.");
        }

        var errors = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length == 0)
            {
                continue;
            }

            if (!index.TryAdd(columns[i], i) && !errors.Contains(Duplicate(columns[i])))
            {
                errors.Add(Duplicate(columns[i]));
            }
        }

        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            // Another kind of file altogether: what it lacks says more than what it repeats.
            errors.Clear();
            errors.Add($"The file is not in the DfE\u2019s tidy layout: it has no {Join(missing)} column{(missing.Count == 1 ? "" : "s")}. "
                + $"A tidy file has the columns {string.Join(", ", RequiredColumns)}, then one column per indicator.");
        }

        if (errors.Count > 0)
        {
            return new DfeTableReading(null, errors);
        }

        var list = rows.ToList();
        if (list.Count == 0)
        {
            return Refuse("The file has a header row but no rows of figures.");
        }

        var headerWidth = columns.Count;
        var ragged = list.Where(r => r.Cells.Count != headerWidth).ToList();
        if (ragged.Count > 0)
        {
            var examples = ragged.Take(MaxErrorsListed)
                .Select(r => $"line {r.LineNumber} has {r.Cells.Count} values")
                .ToList();
            return Refuse($"Every row must have as many values as the header has columns ({headerWidth}), but "
                + string.Join("; ", examples) + (ragged.Count > MaxErrorsListed ? $" (and {ragged.Count - MaxErrorsListed} more rows)" : "") + ".");
        }

        var (indicators, dimensions) = Classify(columns, index, list);
        if (indicators.Count == 0)
        {
            return Refuse("The file has no indicator columns: after the time and geography columns there must be at least one column of figures.");
        }

        return new DfeTableReading(new DfeTidyTable(columns, list, index, indicators, dimensions), []);
    }

    private static (List<string> Indicators, List<DfeDimension> Dimensions) Classify(
        List<string> columns, Dictionary<string, int> index, List<DfeRow> rows)
    {
        var levelIndex = index[GeographicLevel];
        var used = rows.Where(r => UsedLevels.Contains(r[levelIndex].Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        var sample = used.Count > 0 ? used : rows;
        var required = new HashSet<string>(RequiredColumns, StringComparer.OrdinalIgnoreCase);

        var indicators = new List<string>();
        var dimensions = new List<DfeDimension>();
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i];
            if (name.Length == 0 || required.Contains(name))
            {
                continue;
            }

            // Figures and the DfE's symbols only, and at least one figure: a column of notes left blank is not an indicator.
            var isFigures = sample.All(r => DfeCell.IsMissingMarker(r[i]) || DfeCell.TryParseNumber(r[i].Trim(), out _))
                && sample.Any(r => DfeCell.TryParseNumber(r[i].Trim(), out _));
            if (isFigures)
            {
                indicators.Add(name);
            }
            else
            {
                var values = sample.Select(r => r[i].Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                dimensions.Add(new DfeDimension(name, values));
            }
        }

        return (indicators, dimensions);
    }

    private static string Duplicate(string column) => $"The column \u2018{column}\u2019 appears more than once in the header row.";

    private static string CleanHeader(string? name) => (name ?? string.Empty).Trim().Trim('\uFEFF').Trim();

    private static string Join(IReadOnlyList<string> names)
    {
        var quoted = names.Select(n => $"\u2018{n}\u2019").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1];
    }

    private static DfeTableReading Refuse(string error) => new(null, [error]);
}
