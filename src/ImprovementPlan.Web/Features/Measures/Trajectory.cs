using System.Globalization;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>A point to add to the trajectory.</summary>
public sealed class TargetForm
{
    public DateParts TargetDate { get; set; } = new();

    public string? TargetValue { get; set; }

    public string? TargetLabel { get; set; }

    public string? TargetNote { get; set; }

    public bool DateAssumed { get; set; }
}

/// <summary>The figure the trajectory starts from.</summary>
public sealed class BaselineForm
{
    public string? BaselineValue { get; set; }

    /// <summary>The baseline period's start date, "2020-11-01".</summary>
    public string? BaselinePeriod { get; set; }
}

/// <summary>A comparator figure typed in.</summary>
public sealed class ComparatorForm
{
    public string? Kind { get; set; }

    public string? ComparatorName { get; set; }

    public string? ComparatorValue { get; set; }

    /// <summary>The comparator period's start date, "2020-12-01".</summary>
    public string? ComparatorPeriod { get; set; }

    public string? ComparatorSource { get; set; }

    public string? NeighbourCount { get; set; }
}

/// <summary>The page where a measure's baseline, targets and comparators are typed in.</summary>
public sealed record TrajectoryPage(Measure Measure, TargetForm Target, BaselineForm Baseline, ComparatorForm Comparator,
    IReadOnlyList<MeasurePeriod> Periods)
{
    [BindNever]
    public MeasureResult? Result { get; init; }
}

/// <summary>Adds targets, sets the baseline and records comparators: those who maintain measures (the controller's policy).</summary>
public sealed class TrajectoryHandler(ImprovementPlanDbContext db, MeasureDetailQuery measures, TimeProvider clock)
{
    public async Task<TrajectoryPage?> PageAsync(int id, CancellationToken ct, TargetForm? target = null, BaselineForm? baseline = null,
        ComparatorForm? comparator = null)
    {
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return null;
        }

        return new TrajectoryPage(measure, target ?? new TargetForm(), baseline ?? new BaselineForm
        {
            BaselineValue = measure.BaselineValue?.ToString("0.####", CultureInfo.InvariantCulture),
            BaselinePeriod = measure.BaselinePeriodStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, comparator ?? new ComparatorForm(), PeriodsFor(measure));
    }

    public async Task<MeasureResult> AddTargetAsync(int id, TargetForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return MeasureResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var (date, dateError) = form.TargetDate.Parse("the date the target is for");
        RecordFigureHandler.Add(errors, nameof(form.TargetDate), dateError);
        var (value, valueError) = FigureRules.ParseValue(form.TargetValue, measure.Unit, measure.DecimalPlaces, "the target");
        RecordFigureHandler.Add(errors, nameof(form.TargetValue), valueError);
        if (form.TargetLabel is { Length: > 100 })
        {
            errors[nameof(form.TargetLabel)] = "The words for the date must be 100 characters or fewer";
        }

        RecordFigureHandler.Add(errors, nameof(form.TargetNote), FigureRules.NoteError(form.TargetNote));
        if (date is { } d && measure.Targets.Any(t => t.Date == d))
        {
            errors[nameof(form.TargetDate)] = $"There is already a target for {d:d MMMM yyyy}";
        }

        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        measure.AddTarget(date!.Value, value!.Value, form.TargetLabel, form.TargetNote, form.DateAssumed);
        await db.SaveChangesAsync(ct);
        return MeasureResult.Saved(measure.Id, $"Target of {value} by {date:d MMMM yyyy} added");
    }

    /// <summary>Takes a target off the trajectory (one typed in by mistake); the audit trail keeps what it was.</summary>
    public async Task<MeasureResult> RemoveTargetAsync(int id, int targetId, CancellationToken ct)
    {
        if (await measures.FindAsync(id, ct) is not { } measure || measure.Targets.SingleOrDefault(t => t.Id == targetId) is not { } target)
        {
            return MeasureResult.NotFound;
        }

        var text = new Domain.Rag.MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency);
        var removed = $"Target of {text.Value(target.Value)} by {target.Date:d MMMM yyyy} removed";
        measure.RemoveTarget(targetId);
        await db.SaveChangesAsync(ct);
        return MeasureResult.Saved(measure.Id, removed);
    }

    public async Task<MeasureResult> SetBaselineAsync(int id, BaselineForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return MeasureResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var (value, valueError) = FigureRules.ParseValue(form.BaselineValue, measure.Unit, measure.DecimalPlaces, "the baseline");
        RecordFigureHandler.Add(errors, nameof(form.BaselineValue), valueError);
        var (period, periodError) = ParsePeriod(measure, form.BaselinePeriod, "Select the period the baseline was measured for");
        RecordFigureHandler.Add(errors, nameof(form.BaselinePeriod), periodError);
        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        measure.SetBaseline(value, period);
        await db.SaveChangesAsync(ct);
        return MeasureResult.Saved(measure.Id, "Baseline saved");
    }

    public async Task<MeasureResult> RecordComparatorAsync(int id, ComparatorForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return MeasureResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var kind = Enum.TryParse<ComparatorKind>(form.Kind, out var k) && Enum.IsDefined(k) ? k : (ComparatorKind?)null;
        if (kind is null)
        {
            errors[nameof(form.Kind)] = "Select what the comparator is";
        }

        var name = kind switch
        {
            ComparatorKind.England => "England",
            ComparatorKind.StatisticalNeighbours => "Statistical neighbours",
            _ => form.ComparatorName?.Trim(),
        };
        if (kind is ComparatorKind.Region or ComparatorKind.Other && string.IsNullOrEmpty(name))
        {
            errors[nameof(form.ComparatorName)] = kind == ComparatorKind.Region ? "Enter the region’s name" : "Enter the comparator’s name";
        }
        else if (name is { Length: > 100 })
        {
            errors[nameof(form.ComparatorName)] = "The name must be 100 characters or fewer";
        }

        var (value, valueError) = FigureRules.ParseValue(form.ComparatorValue, measure.Unit, Measure.MaxDecimalPlaces, "the comparator figure");
        RecordFigureHandler.Add(errors, nameof(form.ComparatorValue), valueError);
        var (period, periodError) = ParsePeriod(measure, form.ComparatorPeriod, "Select the period the comparator figure is for");
        RecordFigureHandler.Add(errors, nameof(form.ComparatorPeriod), periodError);
        int? neighbours = null;
        if (kind == ComparatorKind.StatisticalNeighbours && !string.IsNullOrWhiteSpace(form.NeighbourCount))
        {
            if (int.TryParse(form.NeighbourCount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50)
            {
                neighbours = n;
            }
            else
            {
                errors[nameof(form.NeighbourCount)] = "The number of neighbours must be a whole number from 1 to 50";
            }
        }

        if (form.ComparatorSource is { Length: > 1000 })
        {
            errors[nameof(form.ComparatorSource)] = "The source must be 1000 characters or fewer";
        }

        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        measure.RecordComparator(kind!.Value, name!, value!.Value, period, null, form.ComparatorSource, neighbours);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return MeasureResult.Invalid(new Dictionary<string, string> { [nameof(form.Kind)] = "Someone else recorded this comparator at the same time: try again" });
        }

        return MeasureResult.Saved(measure.Id, $"{name} figure recorded");
    }

    /// <summary>Periods offered for baselines and comparators: the last three years' periods of the measure's frequency.</summary>
    private List<MeasurePeriod> PeriodsFor(Measure measure)
    {
        var frequency = measure.Frequency == MeasureFrequency.OneOff ? MeasureFrequency.Monthly : measure.Frequency;
        var periods = new List<MeasurePeriod>();
        var period = MeasurePeriod.Containing(frequency, clock.Today());
        while (periods.Count < 60 && period.End >= clock.Today().AddYears(-3))
        {
            periods.Add(period);
            period = period.Previous(frequency);
        }

        return periods;
    }

    private (MeasurePeriod? Period, string? Error) ParsePeriod(Measure measure, string? key, string missing)
    {
        var frequency = measure.Frequency == MeasureFrequency.OneOff ? MeasureFrequency.Monthly : measure.Frequency;
        var (period, error) = FigureRules.ParsePeriod(key, frequency, clock.Today());
        return error == "Select the period the figure is for" ? (null, missing) : (period, error);
    }
}
