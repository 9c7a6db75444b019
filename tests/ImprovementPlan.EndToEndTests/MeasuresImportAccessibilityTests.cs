using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>The DfE import's pages, and their error states, pass axe-core's WCAG 2.2 AA rules.</summary>
public sealed class MeasuresImportAccessibilityTests(HostFixture host)
{
    // A small file in the DfE's tidy layout, with periods before the fixture's "today" (1 March 2021).
    private const string Tidy = """
        time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,rereferral_percent
        2019,Reporting year,National,E92000001,England,,,,,,22.6
        2020,Reporting year,National,E92000001,England,,,,,,22.7
        2020,Reporting year,Regional,E92000001,England,E12000005,West Midlands,,,,19.9
        2019,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,332,E08000027,Dudley,c
        2020,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,332,E08000027,Dudley,21.4
        """;

    [Fact]
    public async Task ImportPages_UploadErrorChooseAndPreview_AreAccessible()
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            if (!await db.Measures.AnyAsync(m => m.Code == "E2E-DFE-REREF", TestContext.Current.CancellationToken))
            {
                db.Measures.Add(new Measure(planId, "E2E-DFE-REREF", new MeasureDefinition
                {
                    Name = "Re-referrals within 12 months (DfE)",
                    Unit = MeasureUnit.Percent,
                    DecimalPlaces = 1,
                    Polarity = Polarity.LowerIsBetter,
                    Frequency = MeasureFrequency.DfeReportingYear,
                }));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        var page = await host.NewPageAsync();
        await page.SignInAsync("performance@demo.test");
        await page.GotoAsync("/measures/import");
        await page.AssertAccessibleAsync("measures-import-upload");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Select a DfE statistics file");
        await page.AssertAccessibleAsync("measures-import-upload-errors");

        await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "rereferrals.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Tidy) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Choose what to import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToContainTextAsync("Select the column of figures to import");
        await page.AssertAccessibleAsync("measures-import-choose-errors");

        await page.GetByLabel("Column of figures").SelectOptionAsync("rereferral_percent");
        await page.GetByLabel("Measure", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Re-referrals within 12 months (DfE) \u2013 DfE reporting year (April to March)" });
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("12");
        await page.GetByLabel("Year").FillAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Check the import");
        await Assertions.Expect(page.Locator("[data-testid=skipped]")).ToContainTextAsync("Suppressed to protect confidentiality (c).");
        await page.AssertAccessibleAsync("measures-import-preview");
    }
}
