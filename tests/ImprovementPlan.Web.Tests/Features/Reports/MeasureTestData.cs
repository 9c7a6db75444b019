using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>Builds measures of the seeded plan for tests, and records their figures, through the domain.</summary>
internal static class MeasureTestData
{
    /// <summary>A monthly percentage under priority <paramref name="priorityNumber"/>: higher is better, 5-point tolerance, figures due 20 days after each month.</summary>
    public static Task<int> CreateMeasureAsync(this AppFactory factory, string code, string name, int priorityNumber = 1, string? dataOwnerUserId = null,
        Action<Measure>? build = null) =>
        factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var priority = await db.Priorities.Where(p => p.PlanId == plan && p.Number == priorityNumber).Select(p => p.Id).SingleAsync();
            var measure = new Measure(plan, code, new MeasureDefinition
            {
                Name = name,
                Unit = MeasureUnit.Percent,
                Polarity = Polarity.HigherIsBetter,
                Tolerance = 5,
                Frequency = MeasureFrequency.Monthly,
                LagDays = 20,
                PriorityId = priority,
                DataOwnerUserId = dataOwnerUserId,
            });
            build?.Invoke(measure);
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        });

    public static Task RecordAsync(this AppFactory factory, int measureId, int year, int month, decimal value, DateOnly asAt) =>
        factory.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(m => m.Actuals).SingleAsync(m => m.Id == measureId);
            Record(measure, year, month, value, asAt);
            await db.SaveChangesAsync();
            return 0;
        });

    public static void Record(Measure measure, int year, int month, decimal value, DateOnly asAt) =>
        measure.RecordActual(MeasurePeriod.Containing(MeasureFrequency.Monthly, new DateOnly(year, month, 1)), value, null, false, asAt, null, "Test");
}
