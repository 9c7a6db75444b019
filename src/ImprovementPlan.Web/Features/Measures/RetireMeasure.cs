using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>Retires a measure from a date: it stops being rated and due, and its history stays.</summary>
public sealed class RetireMeasureHandler(ImprovementPlanDbContext db, MeasureDetailQuery measures, TimeProvider clock)
{
    public async Task<MeasureResult> RunAsync(int id, DateParts retireOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(retireOn);
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return MeasureResult.NotFound;
        }

        var (date, error) = retireOn.Parse("the date the measure is retired from");
        if (error is null && measure.IsRetired)
        {
            error = "This measure is already retired";
        }

        if (error is null && date > clock.Today().AddYears(1))
        {
            error = "The date the measure is retired from must be within the next year";
        }

        if (error is not null)
        {
            return MeasureResult.Invalid(new Dictionary<string, string> { ["RetireOn"] = error });
        }

        measure.Retire(date!.Value);
        await db.SaveChangesAsync(ct);
        return MeasureResult.Saved(measure.Id, $"{measure.Name} retired from {date:d MMMM yyyy}");
    }
}
