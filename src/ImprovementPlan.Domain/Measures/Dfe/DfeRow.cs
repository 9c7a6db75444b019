namespace ImprovementPlan.Domain.Measures.Dfe;

/// <summary>One data row of a CSV file: the line it starts on (the header is line 1) and its cells.</summary>
public sealed record DfeRow(int LineNumber, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at <paramref name="index"/>, or "" when the row is shorter.</summary>
    public string this[int index] => index >= 0 && index < Cells.Count ? Cells[index] ?? string.Empty : string.Empty;
}
