using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Benchmarks;

/// <summary>
/// The measures part of the large database, kept apart so it can follow changes to the Measure model:
/// this is the only code that builds measures. Written against Measure(planId, priorityId, code, name,
/// unit, polarity, frequency, owner, sourceText), AddTarget and RecordActual.
/// </summary>
internal static class MeasureGenerator
{
    public static async Task<(int Measures, int Actuals)> RunAsync(ImprovementPlanDbContext db, IReadOnlyList<int> planIds, int measures, int actuals,
        DateOnly today, Random random)
    {
        if (planIds.Count == 0 || measures <= 0)
        {
            return (0, 0);
        }

        var perPlan = Math.Max(1, measures / planIds.Count);
        var actualsPerMeasure = Math.Max(1, actuals / (perPlan * planIds.Count));
        var made = 0;
        var recorded = 0;
        foreach (var planId in planIds)
        {
            var priorityIds = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Number).Select(p => p.Id).ToListAsync();
            for (var i = 0; i < perPlan && made < measures; i++, made++)
            {
                var measure = new Measure(planId, priorityIds.Count == 0 ? null : priorityIds[i % priorityIds.Count], $"M{i + 1}",
                    $"Generated measure {i + 1}", MeasureUnit.Percent, i % 2 == 0 ? Polarity.HigherIsBetter : Polarity.LowerIsBetter,
                    MeasureFrequency.Monthly, "Performance team", null);
                var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-actualsPerMeasure);
                for (var q = 0; q <= actualsPerMeasure / 3; q++)
                {
                    measure.AddTarget(start.AddMonths(q * 3 + 2).AddDays(-1), 60 + q, null);
                }

                for (var m = 0; m < actualsPerMeasure; m++)
                {
                    var periodStart = start.AddMonths(m);
                    measure.RecordActual(periodStart, periodStart.AddMonths(1).AddDays(-1), periodStart.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                        (decimal)Math.Round(50 + (random.NextDouble() * 40), 1), null);
                    recorded++;
                }

                db.Measures.Add(measure);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return (made, recorded);
    }
}
