using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ImprovementPlan.Web.Tests.Features.PlanImport.PlanImportTestSupport;

namespace ImprovementPlan.Web.Tests.Features.PlanImport;

/// <summary>
/// The Measures, Targets and Actuals sheets: measures matched by code, targets by measure and date,
/// figures by measure and period; a changed figure becomes a correction whose reason names the workbook.
/// </summary>
public sealed class PlanImportMeasuresTests(PlanImportAppFactory factory) : IClassFixture<PlanImportAppFactory>
{
    private const string Staff = "SW-PERMANENT-STAFF";

    private static readonly object?[] ActualsHeader = ["MEASURE CODE", "PERIOD START", "PERIOD END", "PERIOD", "FIGURE", "NOTE", "AS AT", "PROVISIONAL"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestWorkbook.SerialDate Day(int year, int month, int day) => new(new DateOnly(year, month, day));

    private Task<(int Measures, int Targets, int Actuals, int Audit)> CountsAsync() => factory.WithDbAsync(async db =>
        (await db.Measures.CountAsync(Ct), await db.Measures.SelectMany(m => m.Targets).CountAsync(Ct),
            await db.Measures.SelectMany(m => m.Actuals).CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));

    [Fact]
    public async Task Import_MeasureSheetsWithProblems_NamesEachCellAndWritesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await CountsAsync();
        var workbook = new TestWorkbook()
            .Sheet("Actions", ["REF", "WORKSTREAM", "ACTIONS"])
            .Sheet("Measures", ["CODE", "NAME", "UNIT", "FREQUENCY"], ["NEW-MEASURE", "Visits on time", "Furlongs", "Monthly"])
            .Sheet("Targets", ["MEASURE CODE", "DATE", "TARGET"], ["NOPE", Day(2022, 3, 31), 80])
            .Sheet("Actuals", ActualsHeader,
                [Staff, Day(2021, 3, 1), Day(2021, 3, 15), null, 74, null, null, null],
                [Staff, Day(2021, 4, 1), Day(2021, 4, 30), null, 105, null, null, "Perhaps"])
            .ToArray();

        var (path, page) = await client.UploadAndFollowAsync(workbook);

        Assert.EndsWith("/preview", path, StringComparison.Ordinal);
        Assert.Equal(
            [
                "Actuals, B2: 1 March 2021 to 15 March 2021 is not one calendar month; SW-PERMANENT-STAFF has one figure for each calendar month",
                "Actuals, H3: ‘Perhaps’ is not Yes or No",
                "Measures, C2: ‘Furlongs’ is not a unit; use one of Percent, Count, Days, Ratio, Currency, RatePer10000Children",
                "Targets, A2: the measure ‘NOPE’ is not in the Measures sheet or the plan; add it there or correct the code",
            ],
            Problems(page).Order(StringComparer.Ordinal));
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
        using var forced = await client.PostFormAsync(path.Replace("/preview", "/confirm", StringComparison.Ordinal), ("fingerprint", "anything"));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_PercentageOver100_IsRefusedAtItsCell()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var workbook = new TestWorkbook()
            .Sheet("Actions", ["REF", "WORKSTREAM", "ACTIONS"])
            .Sheet("Actuals", ActualsHeader, [Staff, Day(2021, 4, 1), Day(2021, 4, 30), null, 105, null, null, null])
            .ToArray();

        var (_, page) = await client.UploadAndFollowAsync(workbook);

        Assert.Equal(["Actuals, E2: 105 is not a percentage between 0 and 100"], Problems(page));
    }

    [Fact]
    public async Task Import_ChangedFigureNewTargetAndNewMeasure_CorrectsTheFigureWithTheWorkbookAsReason_AndAgainChangesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var held = await factory.WithDbAsync(db => db.Measures.Where(m => m.Code == Staff).SelectMany(m => m.Actuals)
            .SingleAsync(a => a.PeriodStart == new DateOnly(2021, 2, 1), Ct));
        var workbook = new TestWorkbook()
            .Sheet("Actions", ["REF", "WORKSTREAM", "ACTIONS"])
            .Sheet("Measures", ["CODE", "NAME", "UNIT", "DECIMAL PLACES", "FREQUENCY", "PRIORITY"],
                ["VISITS-ON-TIME", "Statutory visits on time", "Percent", 1, "Quarterly", 2])
            .Sheet("Targets", ["MEASURE CODE", "DATE", "TARGET", "LABEL"],
                [Staff, Day(2021, 9, 30), 78, "Half way"],
                ["VISITS-ON-TIME", Day(2022, 3, 31), 92.5, null])
            .Sheet("Actuals", ActualsHeader,
                [Staff, Day(2021, 2, 1), Day(2021, 2, 28), "February 2021", 74, held.Note, Day(2021, 3, 1), "No"],
                ["VISITS-ON-TIME", Day(2021, 1, 1), Day(2021, 3, 31), null, 81.5, "From the quarterly audit", Day(2021, 4, 20), "Yes"])
            .ToArray();

        var (previewPath, preview) = await client.UploadAndFollowAsync(workbook);

        Assert.Empty(Problems(preview));
        Assert.Equal(
            ["New Measure VISITS-ON-TIME", "New Target of SW-PERMANENT-STAFF, 30 September 2021", "New Target of VISITS-ON-TIME, 31 March 2022",
                "Corrected Figure of SW-PERMANENT-STAFF, February 2021", "New Figure of VISITS-ON-TIME, Q4 2020-21 (January to March 2021)"],
            preview.QuerySelectorAll("[data-testid^=measure-change-]").Select(h => string.Join(' ', h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        var before = await CountsAsync();
        using var confirmed = await client.ConfirmAsync(previewPath, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var staff = await db.Measures.AsNoTracking().Include(m => m.Targets).Include(m => m.Actuals).SingleAsync(m => m.Code == Staff, Ct);
            var figure = staff.Actuals.Single(a => a.Id == held.Id);
            Assert.Equal((74m, "Imported from plan.xlsx", held.AsAt), (figure.Value, figure.CorrectionReason, figure.AsAt));
            Assert.Contains(staff.Targets, t => t.Date == new DateOnly(2021, 9, 30) && t.Value == 78m && t.Label == "Half way");
            var added = await db.Measures.AsNoTracking().Include(m => m.Targets).Include(m => m.Actuals).SingleAsync(m => m.Code == "VISITS-ON-TIME", Ct);
            var priorityTwo = await db.Priorities.Where(p => p.PlanId == added.PlanId && p.Number == 2).Select(p => p.Id).SingleAsync(Ct);
            Assert.Equal((staff.PlanId, (int?)priorityTwo, 1, Domain.Measures.MeasureFrequency.Quarterly), (added.PlanId, added.PriorityId, added.DecimalPlaces, added.Frequency));
            Assert.Equal([(new DateOnly(2022, 3, 31), 92.5m)], added.Targets.Select(t => (t.Date, t.Value)));
            var quarter = Assert.Single(added.Actuals);
            Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), 81.5m, true, new DateOnly(2021, 4, 20)),
                (quarter.PeriodStart, quarter.PeriodEnd, quarter.Value, quarter.IsProvisional, quarter.AsAt));
            var audit = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == "MeasureActual" && e.EntityKey == held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Operation == "Modified")
                .OrderByDescending(e => e.Id).FirstAsync(Ct);
            Assert.Contains("Imported from plan.xlsx", audit.Changes, StringComparison.Ordinal);
            return 0;
        });
        Assert.Equal((before.Measures + 1, before.Targets + 2, before.Actuals + 1), ((await CountsAsync()).Measures, (await CountsAsync()).Targets, (await CountsAsync()).Actuals));

        var audited = (await CountsAsync()).Audit;
        var (againPath, again) = await client.UploadAndFollowAsync(workbook);
        Assert.Equal("Nothing would change: the plan already holds everything in this workbook.",
            again.QuerySelector("[data-testid=change-summary]")!.TextContent.Trim());
        using var confirmedAgain = await client.ConfirmAsync(againPath, again);
        Assert.Equal(HttpStatusCode.Redirect, confirmedAgain.StatusCode);
        Assert.Equal(audited, (await CountsAsync()).Audit);
    }
}
