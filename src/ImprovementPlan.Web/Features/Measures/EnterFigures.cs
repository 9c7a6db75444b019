using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>One row of a month's return: a measure and the figure typed for it (blank to skip it).</summary>
public sealed class FigureRow
{
    public int MeasureId { get; set; }

    public string? Value { get; set; }

    public bool IsProvisional { get; set; }

    public string? Note { get; set; }
}

/// <summary>A month's return: every figure due that month, in one form.</summary>
public sealed class EnterFiguresForm
{
    /// <summary>The month, "2026-10".</summary>
    public string? Month { get; set; }

    public List<FigureRow> Rows { get; set; } = [];

    [BindNever]
    public FiguresGrid? Grid { get; set; }
}

/// <summary>A measure in the grid: the period of it that ends in the month, when its figure is due, and any figure already held.</summary>
public sealed record FiguresGridLine(Measure Measure, MeasurePeriod Period, DateOnly DueOn, MeasureActual? Existing);

public sealed record FiguresGrid(MeasurePeriod Month, string MonthLabel, IReadOnlyList<FiguresGridLine> Lines, MeasurePeriod? Previous,
    MeasurePeriod? Next, bool MayMaintain);

/// <summary>
/// The grid "Enter figures for October 2026": every measure the signed-in user owns (every measure, for those who
/// maintain measures) with a period ending in the month. Saves every row typed, or none when any row is wrong.
/// </summary>
public sealed class EnterFiguresHandler(ImprovementPlanDbContext db, CurrentPlan plan, CurrentUser user, MeasureAccessService access,
    TimeProvider clock)
{
    /// <summary>May the user use the grid at all: they maintain measures or own at least one.</summary>
    public async Task<bool> MayUseAsync(CancellationToken ct)
    {
        if (await access.MayMaintainAsync())
        {
            return true;
        }

        var planId = await plan.IdAsync(ct);
        return user.Id is { } id && await db.Measures.AnyAsync(m => m.PlanId == planId && m.DataOwnerUserId == id, ct);
    }

    /// <summary>The month asked for, or last month when none (or a month not yet started) is asked for.</summary>
    public MeasurePeriod MonthFor(string? key)
    {
        var today = clock.Today();
        var lastMonth = MeasurePeriod.Containing(MeasureFrequency.Monthly, today).Previous(MeasureFrequency.Monthly);
        return MeasurePeriod.TryParseMonth(key, out var month) && month.Start <= today ? month : lastMonth;
    }

    public async Task<FiguresGrid> GridAsync(MeasurePeriod month, CancellationToken ct)
    {
        var planId = await plan.IdAsync(ct);
        var mayMaintain = await access.MayMaintainAsync();
        var userId = user.Id;
        var query = db.Measures.Where(m => m.PlanId == planId && m.Frequency != MeasureFrequency.OneOff && m.RetiredOn == null);
        if (!mayMaintain)
        {
            query = query.Where(m => m.DataOwnerUserId == userId);
        }

        var measures = await query.Include(m => m.Actuals).AsSplitQuery().OrderBy(m => m.PriorityId).ThenBy(m => m.Id).ToListAsync(ct);
        var lines = measures
            .Select(m => (Measure: m, Period: MeasurePeriod.EndingInMonth(m.Frequency, month.Start.Year, month.Start.Month)))
            .Where(x => x.Period is not null)
            .Select(x => new FiguresGridLine(x.Measure, x.Period!.Value, x.Period.Value.End.AddDays(x.Measure.LagDays), x.Measure.ActualFor(x.Period.Value)))
            .ToList();
        var today = clock.Today();
        var next = month.Next(MeasureFrequency.Monthly);
        return new FiguresGrid(month, month.Label(MeasureFrequency.Monthly), lines, month.Previous(MeasureFrequency.Monthly),
            next.Start <= today ? next : null, mayMaintain);
    }

    public async Task<MeasureResult> SaveAsync(EnterFiguresForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var month = MonthFor(form.Month);
        var grid = await GridAsync(month, ct);
        var lines = grid.Lines.ToDictionary(l => l.Measure.Id);
        var errors = new Dictionary<string, string>();
        var toSave = new List<(FiguresGridLine Line, FigureRow Row, decimal Value)>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (string.IsNullOrWhiteSpace(row.Value) && string.IsNullOrWhiteSpace(row.Note))
            {
                continue;
            }

            if (!lines.TryGetValue(row.MeasureId, out var line))
            {
                // A measure the user may not enter figures for, or not due this month: refused outright, as a typed URL would be.
                return MeasureResult.Forbidden;
            }

            var key = $"Rows[{i}].Value";
            if (line.Existing is not null)
            {
                errors[key] = $"There is already a figure for {line.Measure.Name} for {line.Period.Label(line.Measure.Frequency)}. Correct that figure on the measure’s page instead of adding another";
                continue;
            }

            var (value, error) = FigureRules.ParseValue(row.Value, line.Measure.Unit, line.Measure.DecimalPlaces, $"the figure for {line.Measure.Name}");
            RecordFigureHandler.Add(errors, key, error);
            RecordFigureHandler.Add(errors, $"Rows[{i}].Note", FigureRules.NoteError(row.Note));
            if (value is { } v)
            {
                toSave.Add((line, row, v));
            }
        }

        if (errors.Count == 0 && toSave.Count == 0)
        {
            errors[string.Empty] = "Enter at least one figure";
        }

        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        var today = clock.Today();
        foreach (var (line, row, value) in toSave)
        {
            line.Measure.RecordActual(line.Period, value, row.Note, row.IsProvisional, today, user.Id, user.Name);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return MeasureResult.Invalid(new Dictionary<string, string>
            {
                [string.Empty] = "Someone else entered some of these figures at the same time. Nothing was saved: check the figures below and try again",
            });
        }

        return MeasureResult.Saved(0, toSave.Count == 1 ? $"1 figure for {grid.MonthLabel} saved" : $"{toSave.Count} figures for {grid.MonthLabel} saved");
    }
}
