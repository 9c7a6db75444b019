using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>A figure typed on a measure's page.</summary>
public sealed class RecordFigureForm
{
    /// <summary>The start date of the period, "2026-10-01" (periodic measures).</summary>
    public string? Period { get; set; }

    /// <summary>The first day a one-off figure covers.</summary>
    public DateParts From { get; set; } = new();

    /// <summary>The last day a one-off figure covers.</summary>
    public DateParts To { get; set; } = new();

    public string? Value { get; set; }

    public bool IsProvisional { get; set; }

    public DateParts AsAt { get; set; } = new();

    public string? Note { get; set; }

    /// <summary>The measure and the periods offered, for the form's display (never bound).</summary>
    [BindNever]
    public Measure? Measure { get; set; }

    [BindNever]
    public IReadOnlyList<MeasurePeriod> Periods { get; set; } = [];
}

/// <summary>Records one figure on a measure: the data owner or those who maintain measures.</summary>
public sealed class RecordFigureHandler(ImprovementPlanDbContext db, MeasureDetailQuery measures, MeasureAccessService access, CurrentUser user,
    TimeProvider clock)
{
    public async Task<MeasureResult> RunAsync(int measureId, RecordFigureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await measures.FindAsync(measureId, ct) is not { } measure)
        {
            return MeasureResult.NotFound;
        }

        if (!await access.MayEnterFiguresAsync(measure))
        {
            return MeasureResult.Forbidden;
        }

        var today = clock.Today();
        var errors = new Dictionary<string, string>();
        MeasurePeriod? period = null;
        if (measure.Frequency == MeasureFrequency.OneOff)
        {
            var (from, fromError) = form.From.Parse("the first day the figure covers");
            var (to, toError) = form.To.Parse("the last day the figure covers");
            Add(errors, nameof(form.From), fromError);
            Add(errors, nameof(form.To), toError);
            if (from is { } f && to is { } t)
            {
                if (t < f)
                {
                    errors[nameof(form.To)] = "The last day the figure covers must be the same as or after the first day";
                }
                else
                {
                    var (checkedPeriod, error) = FigureRules.PeriodNotInFuture(new MeasurePeriod(f, t), today);
                    period = checkedPeriod;
                    Add(errors, nameof(form.From), error);
                }
            }
        }
        else
        {
            var (parsed, error) = FigureRules.ParsePeriod(form.Period, measure.Frequency, today);
            period = parsed;
            Add(errors, nameof(form.Period), error);
        }

        var (value, valueError) = FigureRules.ParseValue(form.Value, measure.Unit, measure.DecimalPlaces);
        Add(errors, nameof(form.Value), valueError);
        var asAt = ParseAsAt(form.AsAt, period, today, errors, nameof(form.AsAt));
        Add(errors, nameof(form.Note), FigureRules.NoteError(form.Note));

        if (period is { } p && measure.ActualFor(p) is not null)
        {
            errors[measure.Frequency == MeasureFrequency.OneOff ? nameof(form.From) : nameof(form.Period)] =
                $"There is already a figure for {p.Label(measure.Frequency)}. Correct that figure instead of adding another";
        }

        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        measure.RecordActual(period!.Value, value!.Value, form.Note, form.IsProvisional, asAt!.Value, user.Id, user.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else recorded a figure for the same period first: the unique index refused this one.
            return MeasureResult.Invalid(new Dictionary<string, string>
            {
                [nameof(form.Period)] = $"There is already a figure for {period.Value.Label(measure.Frequency)}. Correct that figure instead of adding another",
            });
        }

        return MeasureResult.Saved(measure.Id, $"Figure for {period.Value.Label(measure.Frequency)} recorded");
    }

    /// <summary>The date the figure was produced: today when left blank; not in the future, not before its period started.</summary>
    internal static DateOnly? ParseAsAt(DateParts typed, MeasurePeriod? period, DateOnly today, Dictionary<string, string> errors, string key)
    {
        if (typed.IsEmpty)
        {
            return today;
        }

        var (asAt, error) = typed.Parse("the date the figure was produced");
        if (error is not null)
        {
            errors[key] = error;
            return null;
        }

        if (asAt > today)
        {
            errors[key] = "The date the figure was produced must be today or in the past";
            return null;
        }

        if (period is { } p && asAt < p.Start)
        {
            errors[key] = "The date the figure was produced must be on or after the start of its period";
            return null;
        }

        return asAt;
    }

    internal static void Add(Dictionary<string, string> errors, string key, string? error)
    {
        if (error is not null && !errors.ContainsKey(key))
        {
            errors[key] = error;
        }
    }
}
