using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>A column of a sheet: its heading and width in characters.</summary>
public sealed record XlsxColumn(string Heading, double Width);

/// <summary>A rating written as its word on its colour, e.g. "Amber" on amber.</summary>
public sealed record XlsxRating(string Word);

/// <summary>
/// Writes .xlsx workbooks with DocumentFormat.OpenXml: a bold header row frozen at the top with a
/// filter on it, set column widths, real dates, and every piece of text as an inline string, never
/// a formula, so a cell beginning with "=" opens as the text it is.
/// </summary>
public sealed class XlsxWorkbookWriter : IDisposable
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint TextStyle = 3;
    private const uint NumberStyle = 4;
    private const uint FirstRatingStyle = 5;

    /// <summary>Fill colours of the ratings, in the order of their styles.</summary>
    private static readonly (string Word, string Fill, string Font)[] Ratings =
    [
        ("Red", "FFD4351C", "FFFFFFFF"), ("Amber", "FFF47738", "FF0B0C0C"), ("Green", "FF00703C", "FFFFFFFF"), ("Blue", "FF1D70B8", "FFFFFFFF"),
    ];

    private readonly MemoryStream _stream = new();
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly Sheets _sheets;
    private readonly DefinedNames _definedNames = new();
    private readonly List<Sheet> _pending = [];

    public XlsxWorkbookWriter()
    {
        _document = SpreadsheetDocument.Create(_stream, SpreadsheetDocumentType.Workbook);
        _workbookPart = _document.AddWorkbookPart();
        _workbookPart.Workbook = new Workbook();
        _sheets = _workbookPart.Workbook.AppendChild(new Sheets());
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
    }

    /// <summary>Adds a sheet with its header row; write its rows through the returned builder.</summary>
    public XlsxSheet AddSheet(string name, IReadOnlyList<XlsxColumn> columns, bool filter = true)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var part = _workbookPart.AddNewPart<WorksheetPart>();
        var sheetId = (uint)_sheets.Count() + 1;
        var sheet = new Sheet { Id = _workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = name };
        _sheets.Append(sheet);
        return new XlsxSheet(part, columns, filter, this, sheetId - 1, name);
    }

    /// <summary>The finished workbook.</summary>
    public byte[] ToArray()
    {
        if (_definedNames.HasChildren)
        {
            _workbookPart.Workbook.Append(_definedNames);
        }

        _workbookPart.Workbook.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    internal void AddFilterName(uint sheetIndex, string sheetName, string range) =>
        _definedNames.Append(new DefinedName($"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!{range}")
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = sheetIndex,
            Hidden = true,
        });

    internal static Cell CellFor(object? value) => value switch
    {
        null => new Cell(),
        string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = TextStyle },
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle },
        int number => new Cell { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = NumberStyle },
        decimal number => new Cell { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = NumberStyle },
        bool flag => CellFor(flag ? "Yes" : "No"),
        XlsxRating rating => RatingCell(rating),
        _ => CellFor(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    internal static uint HeaderStyleIndex => HeaderStyle;

    private static Cell RatingCell(XlsxRating rating)
    {
        var cell = CellFor(rating.Word);
        var index = Array.FindIndex(Ratings, r => string.Equals(r.Word, rating.Word, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            cell.StyleIndex = FirstRatingStyle + (uint)index;
        }

        return cell;
    }

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF3F2F1" }) { PatternType = PatternValues.Solid }));
        foreach (var (_, fill, font) in Ratings)
        {
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = fill }) { PatternType = PatternValues.Solid }));
            fonts.Append(new Font(new Bold(), new Color { Rgb = font }, new FontSize { Val = 11 }, new FontName { Val = "Arial" }));
        }

        var top = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true };
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(top.CloneNode(true)) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(top.CloneNode(true)) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(top.CloneNode(true)) { NumberFormatId = 49, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(top.CloneNode(true)) { ApplyAlignment = true });
        for (var i = 0; i < Ratings.Length; i++)
        {
            formats.Append(new CellFormat(top.CloneNode(true))
            {
                NumberFormatId = 49,
                FontId = (uint)(2 + i),
                FillId = (uint)(3 + i),
                ApplyFont = true,
                ApplyFill = true,
                ApplyNumberFormat = true,
                ApplyAlignment = true,
            });
        }

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }),
            fonts,
            fills,
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            formats);
    }
}

/// <summary>One sheet being written: rows go in order below the header.</summary>
public sealed class XlsxSheet
{
    private readonly WorksheetPart _part;
    private readonly SheetData _data = new();
    private readonly int _columns;
    private readonly bool _filter;
    private readonly XlsxWorkbookWriter _writer;
    private readonly uint _index;
    private readonly string _name;
    private uint _row;

    internal XlsxSheet(WorksheetPart part, IReadOnlyList<XlsxColumn> columns, bool filter, XlsxWorkbookWriter writer, uint index, string name)
    {
        _part = part;
        _columns = columns.Count;
        _filter = filter;
        _writer = writer;
        _index = index;
        _name = name;
        var widths = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            widths.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = columns[i].Width, CustomWidth = true });
        }

        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 });
        _part.Worksheet = new Worksheet(views, widths, _data);
        var header = AddRow(columns.Select(c => (object?)c.Heading));
        foreach (var cell in header.Elements<Cell>())
        {
            cell.StyleIndex = XlsxWorkbookWriter.HeaderStyleIndex;
        }
    }

    public Row AddRow(IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _row++;
        var row = new Row { RowIndex = _row };
        var column = 0;
        foreach (var value in values)
        {
            column++;
            if (value is null)
            {
                continue;
            }

            var cell = XlsxWorkbookWriter.CellFor(value);
            cell.CellReference = Domain.Plans.Import.WorkbookCell.ColumnName(column) + _row.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }

        _data.Append(row);
        return row;
    }

    /// <summary>Puts the filter on the header row over every written row; call after the last row.</summary>
    public void Finish()
    {
        if (!_filter || _columns == 0)
        {
            return;
        }

        var range = $"A1:{Domain.Plans.Import.WorkbookCell.ColumnName(_columns)}{Math.Max(_row, 1).ToString(CultureInfo.InvariantCulture)}";
        _part.Worksheet.Append(new AutoFilter { Reference = range });
        var absolute = $"$A$1:${Domain.Plans.Import.WorkbookCell.ColumnName(_columns)}${Math.Max(_row, 1).ToString(CultureInfo.InvariantCulture)}";
        _writer.AddFilterName(_index, _name, absolute);
    }
}
