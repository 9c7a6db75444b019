namespace ImprovementPlan.Web.Reports;

/// <summary>
/// Roughly how tall a table row prints, from its cells' text and their columns' widths. CSS cannot say "keep
/// this row whole only if it is short", so the templates ask here: a row kept whole that does not fit in what is
/// left of a page moves to the next page and leaves a gap its own height; a tall row therefore may continue
/// on the next page (with the header repeated), and only short rows are kept whole.
/// </summary>
public static class PrintedRowHeight
{
    /// <summary>Liberation Sans (Arial's metrics) sets ordinary English at a little over half an em a character.</summary>
    private const double CharacterWidthInEms = 0.55;

    /// <summary>
    /// How many lines <paramref name="text"/> takes in a column <paramref name="columnWidth"/> points wide at
    /// <paramref name="fontSize"/> points; each line of the text starts a new printed line.
    /// </summary>
    public static int Lines(string? text, double columnWidth, double fontSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columnWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fontSize);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        var perLine = Math.Max(1, (int)(columnWidth / (fontSize * CharacterWidthInEms)));
        return text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Trim().Length / (double)perLine)));
    }

    /// <summary>The most lines any of the cells takes: the row's height in lines.</summary>
    public static int Lines(IEnumerable<(string? Text, double ColumnWidth)> cells, double fontSize) =>
        cells.Select(c => Lines(c.Text, c.ColumnWidth, fontSize)).DefaultIfEmpty(1).Max();
}
