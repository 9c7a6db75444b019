using ImprovementPlan.Web.Features.Export;
using ImprovementPlan.Web.Features.PlanImport;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The plan import's pages, and their error states, pass axe-core's WCAG 2.2 AA rules, on a desk and on a
/// phone; and an administrator can start a plan of their own from the template, correcting what the first
/// upload reports.
/// </summary>
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

    [Fact]
    public async Task NewPlan_FilledTemplateWithAnError_IsCorrectedImportedAndShowsItsActions()
    {
        // An administrator of the test's own: the plan they create becomes their current plan and nobody else's.
        var email = $"import-admin-{Guid.NewGuid():N}@test.invalid";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Import Administrator" };
            Assert.True((await users.CreateAsync(admin, HostFixture.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
        }

        var page = await host.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync("/plans/new");
        var title = $"Imported plan {Guid.NewGuid():N}"[..26];
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Organisation").FillAsync("Sandwell Metropolitan Borough Council");
        foreach (var (field, day, month, year) in new[] { ("PeriodStart", "1", "4", "2021"), ("PeriodEnd", "31", "3", "2023") })
        {
            await page.Locator($"[name='{field}.Day']").FillAsync(day);
            await page.Locator($"[name='{field}.Month']").FillAsync(month);
            await page.Locator($"[name='{field}.Year']").FillAsync(year);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=current-plan]")).ToContainTextAsync(title);

        await page.GotoAsync("/plan/import");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=template-link]").ClickAsync());
        Assert.Equal("improvement-plan-template.xlsx", download.SuggestedFilename);
        await using (var template = await download.CreateReadStreamAsync())
        {
            using var copy = new MemoryStream();
            await template.CopyToAsync(copy, TestContext.Current.CancellationToken);
            var read = XlsxWorkbookReader.Read(copy, 5000);
            var actions = read.Workbook!.Find(L.ActionsSheet)!;
            Assert.Equal(L.ActionFields.Select(f => f.Heading), Enumerable.Range(1, L.ActionFields.Count).Select(c => actions.Cell(1, c).Text));
            Assert.NotNull(read.Workbook.Find(L.MeasuresSheet));
        }

        await UploadAsync(page, Filled("31/02/2021"));
        await Assertions.Expect(page.Locator("[data-testid=problems]")).ToHaveTextAsync("Actions, F3: 31/02/2021 is not a real date");
        await page.AssertAccessibleAsync("plan-import-journey-error");

        await page.Locator("[data-testid=upload-again]").ClickAsync();
        await page.Locator("#File").SetInputFilesAsync(new FilePayload
        {
            Name = "sandwell-plan.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Filled("28/02/2022"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the import");
        await Assertions.Expect(page.Locator("[data-testid=change-summary]")).ToContainTextAsync("2 new actions");
        await Assertions.Expect(page.Locator("[data-testid=measures-to-import]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("plan-import-journey-preview");

        await page.Locator("[data-testid=confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification]")).ToContainTextAsync("Imported sandwell-plan.xlsx: 2 new actions");

        await page.GotoAsync("/actions");
        await Assertions.Expect(page.Locator("[data-testid=current-plan]")).ToContainTextAsync(title);
        Assert.Equal(["SW1", "SW2"], await page.Locator("[data-testid=action-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)"));
        await Assertions.Expect(page.Locator("[data-testid=action-row]").First).ToContainTextAsync("Recruit permanent social workers");
        await page.AssertAccessibleAsync("plan-import-journey-actions");
    }

    /// <summary>The template filled in for a new plan: a workstream, a priority, a measure with a target, and two actions, the second due on <paramref name="dueDate"/>.</summary>
    private static byte[] Filled(string dueDate)
    {
        using var writer = new XlsxWorkbookWriter();
        object?[] Row(params (string Key, object Value)[] cells) =>
            [.. L.ActionFields.Select(f => cells.FirstOrDefault(c => c.Key == f.Key).Value)];
        var actions = writer.AddSheet(L.ActionsSheet, [.. L.ActionFields.Select(f => new XlsxColumn(f.Heading, 20))]);
        actions.AddRow(Row((L.Action.Ref, "SW1"), (L.Action.Workstream, "WF"), (L.Action.Text, "Recruit permanent social workers"),
            (L.Action.DueDate, new DateOnly(2021, 9, 30)), (L.Action.LeadOfficer, "Head of HR"), (L.Action.Priorities, "1")));
        actions.AddRow(Row((L.Action.Ref, "SW2"), (L.Action.Workstream, "Workforce"), (L.Action.Text, "Launch the social work academy"),
            (L.Action.DueDate, dueDate), (L.Action.LeadOfficer, "Principal Social Worker")));
        actions.Finish();
        var workstreams = writer.AddSheet(L.WorkstreamsSheet, [.. L.WorkstreamFields.Select(f => new XlsxColumn(f.Heading, 20))]);
        workstreams.AddRow(["WF", "Workforce", 1]);
        workstreams.Finish();
        var priorities = writer.AddSheet(L.PrioritiesSheet, [.. L.PriorityFields.Select(f => new XlsxColumn(f.Heading, 20))]);
        priorities.AddRow([1, "A stable, permanent workforce"]);
        priorities.Finish();
        var measures = writer.AddSheet(L.MeasuresSheet, [.. L.MeasureFields.Select(f => new XlsxColumn(f.Heading, 20))]);
        measures.AddRow(["PERMANENT-STAFF", "Social workers who are permanent", null, 1, "Percent"]);
        measures.Finish();
        var targets = writer.AddSheet(L.TargetsSheet, [.. L.TargetFields.Select(f => new XlsxColumn(f.Heading, 20))]);
        targets.AddRow(["PERMANENT-STAFF", new DateOnly(2022, 3, 31), 85m]);
        targets.Finish();
        return writer.ToArray();
    }
}
