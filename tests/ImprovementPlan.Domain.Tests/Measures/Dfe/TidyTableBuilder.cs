using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Domain.Tests.Measures.Dfe;

/// <summary>Builds small files in the DfE's tidy layout for tests: the ten required columns, then the given ones.</summary>
internal sealed class TidyTableBuilder(params string[] extraColumns)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Header => [.. DfeTidyTable.RequiredColumns, .. extraColumns];

    public TidyTableBuilder National(string period, params string[] extra) =>
        Add([period, "Reporting year", "National", "E92000001", "England", "", "", "", "", ""], extra);

    public TidyTableBuilder Region(string period, string code, string name, params string[] extra) =>
        Add([period, "Reporting year", "Regional", "E92000001", "England", code, name, "", "", ""], extra);

    public TidyTableBuilder Council(string period, string region, string oldCode, string newCode, string name, params string[] extra) =>
        Add([period, "Reporting year", "Local authority", "E92000001", "England", region, "Region " + region, oldCode, newCode, name], extra);

    public TidyTableBuilder Raw(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public DfeTableReading Read() =>
        DfeTidyTable.Read(Header, _rows.Select((cells, i) => new DfeRow(i + 2, cells)));

    public DfeTidyTable Table() => Read().Table ?? throw new InvalidOperationException(string.Join(" ", Read().Errors));

    private TidyTableBuilder Add(string[] required, string[] extra)
    {
        _rows.Add([.. required, .. extra]);
        return this;
    }
}
