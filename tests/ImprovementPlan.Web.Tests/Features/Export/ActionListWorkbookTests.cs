using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Export;

/// <summary>The action list's downloads follow its filter; workbooks hold text as text, with a frozen, filtered header and real dates.</summary>
public sealed class ActionListWorkbookTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SpreadsheetDocument> WorkbookAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
    }

    private static List<Row> Rows(SpreadsheetDocument document, string sheet)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        return [.. part.Worksheet.Descendants<Row>()];
    }

    private static string? Text(Cell? cell) => cell?.InlineString?.InnerText;

    [Fact]
    public async Task Csv_FilteredByWorkstream_HoldsOnlyThatWorkstreamsActions()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var expected = await factory.WithDbAsync(db => db.Actions.Where(a => a.Workstream!.Code == "QP").OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));

        var csv = await client.GetStringAsync(new Uri("/export/actions.csv?workstream=QP", UriKind.Relative), Ct);

        var references = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, references);
    }

    [Fact]
    public async Task Workbook_FilteredBySearch_HoldsTheMatchingActionsWithTextCellsAndAFrozenFilteredHeader()
    {
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "QP21", Ct);
            db.Entry(action).Property(a => a.Outcome).CurrentValue = "=HYPERLINK(\"http://evil.example\",\"Open\")";
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var document = await WorkbookAsync(client, "/export/actions.xlsx?search=QP21");

        var rows = Rows(document, "Actions");
        Assert.Equal(2, rows.Count);
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("QP21", Text(cells[0]));
        var outcome = cells.Single(c => c.CellReference == "G2");
        Assert.Null(outcome.CellFormula);
        Assert.Equal(CellValues.InlineString, outcome.DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"Open\")", Text(outcome));
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        var worksheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal("A1:M2", worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public async Task PlanWorkbook_HasTheTemplatesSheetsRealDatesAndRatingsAsWords()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var document = await WorkbookAsync(client, "/plan/export.xlsx");

        Assert.Equal(["README", "Actions", "Workstreams", "Priorities", "Source reviews", "Stages", "Measures", "Targets", "Actuals"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var lg1 = Rows(document, "Actions")[1].Elements<Cell>().ToList();
        Assert.Equal("LG1", Text(lg1[0]));
        var due = lg1.Single(c => c.CellReference == "F2");
        Assert.Equal(new DateOnly(2020, 10, 31), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(due.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Matches("^(Red|Amber|Green|Blue)$", Text(lg1.Single(c => c.CellReference == "P2")));
    }
}
