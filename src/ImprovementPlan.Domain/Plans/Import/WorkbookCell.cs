namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>What a spreadsheet cell holds, as far as an import cares.</summary>
public enum CellKind
{
    Empty = 0,
    Text = 1,
    Number = 2,
    Formula = 3,
}

/// <summary>One cell read from a workbook: its position (1-based), what it holds, and whether it is formatted as a date.</summary>
public sealed record WorkbookCell(int Row, int Column, CellKind Kind, string Text, double? Number = null, bool IsDateFormatted = false)
{
    /// <summary>The cell's address as a spreadsheet shows it, e.g. "D14".</summary>
    public string Address => ColumnName(Column) + Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsBlank => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The column's letters, e.g. 1 → A, 28 → AB.</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - rest - 1) / 26;
        }

        return name;
    }
}

/// <summary>A worksheet as rows of cells; blank rows may be left out.</summary>
public sealed class WorkbookSheet(string name, IEnumerable<WorkbookCell> cells)
{
    private readonly Dictionary<(int Row, int Column), WorkbookCell> _cells = cells.ToDictionary(c => (c.Row, c.Column));

    public string Name { get; } = name;

    public int LastRow => _cells.Count == 0 ? 0 : _cells.Keys.Max(k => k.Row);

    public int LastColumn => _cells.Count == 0 ? 0 : _cells.Keys.Max(k => k.Column);

    public WorkbookCell Cell(int row, int column) =>
        _cells.TryGetValue((row, column), out var cell) ? cell : new WorkbookCell(row, column, CellKind.Empty, string.Empty);

    public bool IsBlankRow(int row) => _cells.Where(c => c.Key.Row == row).All(c => c.Value.IsBlank);

    /// <summary>The rows from <paramref name="first"/> on that hold anything.</summary>
    public IEnumerable<int> RowsWithContent(int first) =>
        _cells.Values.Where(c => c.Row >= first && !c.IsBlank).Select(c => c.Row).Distinct().Order();
}

/// <summary>The sheets of a workbook, found by name whatever their case or spacing.</summary>
public sealed class WorkbookContent(IReadOnlyList<WorkbookSheet> sheets)
{
    public IReadOnlyList<WorkbookSheet> Sheets { get; } = sheets;

    public WorkbookSheet? Find(string name) =>
        Sheets.FirstOrDefault(s => HeaderMatcher.Normalise(s.Name) == HeaderMatcher.Normalise(name));
}
