using ImprovementPlan.Web.Features.Export;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>The plan import's pages, and their error states, pass axe-core's WCAG 2.2 AA rules, on a desk and on a phone.</summary>
public sealed class PlanImportAccessibilityTests(HostFixture host)
{
    /// <summary>Another council's tracker: its own headings in its own order, one of them not recognised.</summary>
    private static byte[] Tracker(string dueDate)
    {
        using var writer = new XlsxWorkbookWriter();
        var sheet = writer.AddSheet("Tracker", [new("Who", 20), new("Action", 40), new("Ref", 8), new("Theme", 10), new("Due date", 12), new("RAG comments", 30)]);
        sheet.AddRow(["Head of HR", "Recruit two team managers", "E2E1", "LG", dueDate, "On track"]);
        sheet.Finish();
        return writer.ToArray();
    }

    private static async Task UploadAsync(IPage page, byte[] workbook)
    {
        await page.GotoAsync("/plan/import");
        await page.Locator("#File").SetInputFilesAsync(new FilePayload
        {
            Name = "tracker.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task ImportPages_UploadMappingErrorsAndPreview_AreAccessible(int width)
    {
        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.SignInAsync("admin@demo.test");
        await page.GotoAsync("/plan/import");
        await page.AssertAccessibleAsync($"plan-import-upload-{width}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Select a workbook");
        await page.AssertAccessibleAsync($"plan-import-upload-errors-{width}");

        await UploadAsync(page, Tracker("31/02/2021"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Which column is which?");
        await page.AssertAccessibleAsync($"plan-import-columns-{width}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problems]")).ToContainTextAsync("Tracker, E2: 31/02/2021 is not a real date");
        await page.AssertAccessibleAsync($"plan-import-preview-errors-{width}");

        await UploadAsync(page, Tracker("March 2021"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the import");
        await Assertions.Expect(page.Locator("[data-testid=notes]")).ToContainTextAsync("read as 31 March 2021");
        await page.AssertAccessibleAsync($"plan-import-preview-{width}");
    }
}
