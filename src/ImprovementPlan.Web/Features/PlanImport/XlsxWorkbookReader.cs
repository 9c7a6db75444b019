using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ImprovementPlan.Domain.Plans.Import;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>The workbook's cells, or why they could not be read.</summary>
public sealed record XlsxReadResult(WorkbookContent? Workbook, string? Error);

/// <summary>
/// Reads the cells of a workbook that has passed <see cref="XlsxFileCheck"/>: values as shown (shared
/// and inline strings, numbers, dates by their number format), formulas marked as formulas, merged
/// cells given the value of their top-left cell. Rows are streamed, and a sheet longer than the
/// row limit stops the reading.
/// </summary>
public static class XlsxWorkbookReader
{
    /// <summary>Merged ranges larger than this are left as they are (a whole-column merge would otherwise fill a million cells).</summary>
    private const int MaxMergedCells = 10_000;

    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57];

    public static XlsxReadResult Read(Stream content, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = 100_000_000 });
            var workbookPart = document.WorkbookPart;
            if (workbookPart?.Workbook?.Sheets is null)
            {
                return new XlsxReadResult(null, XlsxFileCheck.WrongType);
            }

            var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            var sheets = new List<WorkbookSheet>();
            foreach (var sheet in workbookPart.Workbook.Sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var name = sheet.Name?.Value ?? "Sheet";
                var read = ReadSheet(part, name, strings, dateStyles, maxRows);
                if (read is null)
                {
                    return new XlsxReadResult(null,
                        $"{name}: the sheet has more than {maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows; split it into workbooks of at most {maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows");
                }

                sheets.Add(read);
            }

            return new XlsxReadResult(new WorkbookContent(sheets), null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException)
        {
            return new XlsxReadResult(null, "The selected file could not be read as a workbook; open it in Excel, save it as .xlsx and try again");
        }
    }

    private static WorkbookSheet? ReadSheet(WorksheetPart part, string name, List<string> strings, HashSet<uint> dateStyles, int maxRows)
    {
        var cells = new List<WorkbookCell>();
        var merges = new List<string>();
        var rows = 0;
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (reader.IsStartElement && reader.ElementType == typeof(Row))
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    var before = cells.Count;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        if (Read(cell, strings, dateStyles) is { } read)
                        {
                            cells.Add(read);
                        }
                    }

                    if (cells.Count > before && ++rows > maxRows + 1)
                    {
                        return null;
                    }
                }
                else if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
                {
                    if (((MergeCell)reader.LoadCurrentElement()!).Reference?.Value is { } range)
                    {
                        merges.Add(range);
                    }
                }
            }
        }

        FillMerged(cells, merges);
        return new WorkbookSheet(name, cells);
    }

    private static WorkbookCell? Read(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        if (cell.CellReference?.Value is not { } reference || !TryParseReference(reference, out var row, out var column))
        {
            return null;
        }

        if (cell.CellFormula is not null)
        {
            return new WorkbookCell(row, column, CellKind.Formula, cell.CellValue?.Text ?? string.Empty);
        }

        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.InlineString)
        {
            return Text(row, column, cell.InlineString is { } inline ? TextOf(inline) : string.Empty);
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? Text(row, column, strings[index])
                : null;
        }

        if (type == CellValues.Boolean)
        {
            return Text(row, column, raw == "1" ? "Yes" : "No");
        }

        if (type == CellValues.Error || type == CellValues.String || type == CellValues.Date)
        {
            return Text(row, column, raw);
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var isDate = cell.StyleIndex?.Value is { } style && dateStyles.Contains(style);
            return new WorkbookCell(row, column, CellKind.Number, number.ToString(CultureInfo.InvariantCulture), number, isDate);
        }

        return Text(row, column, raw);
    }

    private static WorkbookCell Text(int row, int column, string text) => new(row, column, CellKind.Text, text);

    private static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>Cell formats (by index) whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            if (format.NumberFormatId?.Value is { } id && (BuiltInDateFormats.Contains(id) || custom.Contains(id)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var outside = new System.Text.StringBuilder();
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '[' && !quoted)
            {
                bracket = true;
            }
            else if (c == ']' && !quoted)
            {
                bracket = false;
            }
            else if (!quoted && !bracket)
            {
                outside.Append(char.ToLowerInvariant(c));
            }
        }

        var text = outside.ToString();
        return text.Contains('d', StringComparison.Ordinal) || text.Contains('y', StringComparison.Ordinal);
    }

    private static void FillMerged(List<WorkbookCell> cells, List<string> merges)
    {
        var byAddress = cells.ToDictionary(c => (c.Row, c.Column));
        // A merged cell spanning a blank row (a spacer in the council's layout) must not make that row look filled in.
        var rowsWithContent = cells.Where(c => !c.IsBlank).Select(c => c.Row).ToHashSet();
        foreach (var range in merges)
        {
            var parts = range.Split(':');
            if (parts.Length != 2 || !TryParseReference(parts[0], out var top, out var left) || !TryParseReference(parts[1], out var bottom, out var right)
                || (long)(bottom - top + 1) * (right - left + 1) > MaxMergedCells || !byAddress.TryGetValue((top, left), out var first))
            {
                continue;
            }

            for (var row = top; row <= bottom; row++)
            {
                for (var column = left; column <= right; column++)
                {
                    if ((row, column) != (top, left) && rowsWithContent.Contains(row) && !byAddress.ContainsKey((row, column)))
                    {
                        var copy = first with { Row = row, Column = column };
                        byAddress[(row, column)] = copy;
                        cells.Add(copy);
                    }
                }
            }
        }
    }

    private static bool TryParseReference(string reference, out int row, out int column)
    {
        row = column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (column > 16384)
            {
                return false;
            }
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }
}
