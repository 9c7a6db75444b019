using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImprovementPlan.Web.Tests.Features.PlanImport;

/// <summary>
/// Builds workbooks for the import tests with DocumentFormat.OpenXml, in ways the app's own writer
/// never would: shared strings, formulas, merged cells, date-formatted numbers, blank rows.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, List<(int Row, int Column, object Value)> Cells, List<string> Merges)> _sheets = [];

    /// <summary>A cell holding a formula (and its cached value).</summary>
    public sealed record Formula(string Expression, string CachedValue);

    /// <summary>A number formatted as a date, as Excel stores a typed date.</summary>
    public sealed record SerialDate(DateOnly Date);

    public TestWorkbook Sheet(string name, params object?[][] rows)
    {
        var cells = new List<(int, int, object)>();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } value)
                {
                    cells.Add((r + 1, c + 1, value));
                }
            }
        }

        _sheets.Add((name, cells, []));
        return this;
    }

    /// <summary>Merges a range (e.g. "B2:B4") on the last sheet added.</summary>
    public TestWorkbook Merge(string range)
    {
        _sheets[^1].Merges.Add(range);
        return this;
    }

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = workbookPart.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            uint id = 1;
            foreach (var (name, cells, merges) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var row in cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
                {
                    var xmlRow = new Row { RowIndex = (uint)row.Key };
                    foreach (var (r, c, value) in row.OrderBy(c => c.Column))
                    {
                        var cell = new Cell { CellReference = Domain.Plans.Import.WorkbookCell.ColumnName(c) + r.ToString(CultureInfo.InvariantCulture) };
                        switch (value)
                        {
                            case string text:
                                if (!sharedIndex.TryGetValue(text, out var index))
                                {
                                    index = sharedIndex.Count;
                                    sharedIndex[text] = index;
                                    shared.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                                }

                                cell.DataType = CellValues.SharedString;
                                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                                break;
                            case Formula formula:
                                cell.CellFormula = new CellFormula(formula.Expression);
                                cell.CellValue = new CellValue(formula.CachedValue);
                                break;
                            case SerialDate date:
                                cell.CellValue = new CellValue(date.Date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                                cell.StyleIndex = 1;
                                break;
                            default:
                                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                                break;
                        }

                        xmlRow.Append(cell);
                    }

                    data.Append(xmlRow);
                }

                part.Worksheet = new Worksheet(data);
                if (merges.Count > 0)
                {
                    part.Worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                }

                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    /// <summary>A zip named like a workbook whose one part inflates to <paramref name="unpackedBytes"/> of zeros.</summary>
    public static byte[] ZipBomb(long unpackedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                writer.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            }

            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < unpackedBytes; written += zeros.Length)
            {
                part.Write(zeros);
            }
        }

        return stream.ToArray();
    }
}
