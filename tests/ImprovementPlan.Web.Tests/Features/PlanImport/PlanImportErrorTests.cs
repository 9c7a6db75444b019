using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ImprovementPlan.Web.Tests.Features.PlanImport.PlanImportTestSupport;

namespace ImprovementPlan.Web.Tests.Features.PlanImport;

/// <summary>Each problem in a workbook is named by sheet, cell and reason, and nothing is written while any remains.</summary>
public sealed class PlanImportErrorTests(PlanImportAppFactory factory) : IClassFixture<PlanImportAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Actions, int Workstreams, int Audit)> CountsAsync() => factory.WithDbAsync(async db =>
        (await db.Actions.CountAsync(Ct), await db.Workstreams.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));

    private async Task AssertPreviewRefusesAsync(byte[] workbook, string expected)
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await CountsAsync();

        var (path, page) = await client.UploadAndFollowAsync(workbook);

        Assert.EndsWith("/preview", path, StringComparison.Ordinal);
        Assert.Equal([expected], Problems(page));
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
        using var forced = await client.PostFormAsync(path.Replace("/preview", "/confirm", StringComparison.Ordinal), ("fingerprint", "anything"));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    private async Task AssertUploadRefusesAsync(byte[] workbook, string expected, string fileName = "plan.xlsx")
    {
        var before = await CountsAsync();
        var kept = KeptWorkbooks();
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var response = await client.UploadWorkbookAsync(workbook, fileName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Equal((before.Actions, before.Workstreams), ((await CountsAsync()).Actions, (await CountsAsync()).Workstreams));
        Assert.Equal(kept, KeptWorkbooks());
    }

    private string[] KeptWorkbooks()
    {
        var folder = Path.Combine(factory.DataDirectory, "plan-imports");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.xlsx").Order(StringComparer.Ordinal)] : [];
    }

    [Fact]
    public async Task Import_ImpossibleDate_NamesTheCellAndWritesNothing() =>
        await AssertPreviewRefusesAsync(ActionsWorkbook(["ZZ1", "LG", "Hold a workshop", "31/02/2021"]), "Actions, D2: 31/02/2021 is not a real date");

    [Fact]
    public async Task Import_DuplicateRef_NamesTheSecondCellAndWritesNothing() =>
        await AssertPreviewRefusesAsync(ActionsWorkbook(["ZZ2", "LG", "First", null], ["ZZ2", "CS", "Second", null]),
            "Actions, A3: the REF ZZ2 is used again (first in A2); each action needs its own REF");

    [Fact]
    public async Task Import_UnknownWorkstream_NamesTheCellAndWritesNothing() =>
        await AssertPreviewRefusesAsync(ActionsWorkbook(["ZZ3", "XX", "Something", null]),
            "Actions, B2: the workstream ‘XX’ is not in the plan; add it there or correct the name");

    [Fact]
    public async Task Import_UnknownWorkstreamWithAWorkstreamsSheet_SaysTheSheetLacksIt() =>
        await AssertPreviewRefusesAsync(new TestWorkbook()
                .Sheet("Actions", ["REF", "WORKSTREAM", "ACTIONS"], ["ZZ4", "LG", "Something"])
                .Sheet("Workstreams", ["CODE", "NAME"], ["NW", "New work"]).ToArray(),
            "Actions, B2: the workstream ‘LG’ is not in the Workstreams sheet; add it there or correct the name");

    [Fact]
    public async Task Import_FormulaInACell_AsksForTheValueAndWritesNothing() =>
        await AssertPreviewRefusesAsync(ActionsWorkbook(["ZZ5", "LG", new TestWorkbook.Formula("CONCAT(\"a\",\"b\")", "ab"), null]),
            "Actions, C2: contains a formula; paste the value instead");

    [Fact]
    public async Task Import_MissingRequiredColumn_IsAskedForOnTheMappingPageAndWritesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await CountsAsync();

        var (path, page) = await client.UploadAndFollowAsync(new TestWorkbook().Sheet("Actions", ["REF", "WORKSTREAM"], ["ZZ6", "LG"]).ToArray());
        Assert.DoesNotContain("/preview", path, StringComparison.Ordinal);
        using var posted = await client.PostFormAsync(path, FormPosting.FieldsOf(page, path));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(["Select the column that holds ACTIONS: every action needs one"], FormPosting.Errors(await Users.ParseAsync(posted)));
        var (_, preview) = await client.FollowAsync(path + "/preview");
        Assert.Contains("Which column is which?", preview.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Upload_TenThousandRows_IsRefusedOverTheRowLimit()
    {
        var rows = Enumerable.Range(1, 10_001).Select(i => new object?[] { $"R{i}", "LG", $"Action {i}", null }).ToArray();
        await AssertUploadRefusesAsync(ActionsWorkbook(rows), "Actions: the sheet has more than 5,000 rows; split it into workbooks of at most 5,000 rows");
    }

    [Fact]
    public async Task Upload_ZipBombRenamedXlsx_IsTooLargeWhenUnpacked() =>
        await AssertUploadRefusesAsync(TestWorkbook.ZipBomb(4 * PlanImportAppFactory.MaxUnpackedBytes),
            "The selected file is too large when unpacked (more than 5 MB); save the workbook again, or split it");

    [Fact]
    public async Task Upload_TextFileRenamedXlsx_IsNotAWorkbook() =>
        await AssertUploadRefusesAsync("REF,ACTIONS\nA1,Do it"u8.ToArray(), "The selected file must be an Excel workbook (.xlsx)");

    [Fact]
    public async Task Upload_NoFile_AsksForOne()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        using var response = await client.PostFormAsync("/plan/import");
        Assert.Equal(["Select a workbook"], FormPosting.Errors(await Users.ParseAsync(response)));
    }
}
