using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>A correction of a recorded figure, with the reason for it.</summary>
public sealed class CorrectFigureForm
{
    public string? Value { get; set; }

    public bool IsProvisional { get; set; }

    public DateParts AsAt { get; set; } = new();

    public string? Note { get; set; }

    public string? Reason { get; set; }

    /// <summary>The figure's version when the form was opened, to detect a correction made meanwhile.</summary>
    public int Version { get; set; }

    [BindNever]
    public Measure? Measure { get; set; }

    [BindNever]
    public MeasureActual? Figure { get; set; }

    public static CorrectFigureForm For(Measure measure, MeasureActual figure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(figure);
        return new CorrectFigureForm
        {
            Value = figure.Value.ToString("F" + measure.DecimalPlaces.ToString(System.Globalization.CultureInfo.InvariantCulture),
                System.Globalization.CultureInfo.InvariantCulture),
            IsProvisional = figure.IsProvisional,
            AsAt = DateParts.From(figure.AsAt),
            Note = figure.Note,
            Version = figure.Version,
            Measure = measure,
            Figure = figure,
        };
    }
}

/// <summary>Corrects a figure: a reason is required, and the audit keeps the old and new values with it.</summary>
public sealed class CorrectFigureHandler(ImprovementPlanDbContext db, MeasureDetailQuery measures, MeasureAccessService access, CurrentUser user,
    TimeProvider clock)
{
    public const int ReasonLimit = 2000;

    public async Task<(MeasureResult Result, Measure? Measure, MeasureActual? Figure)> FindAsync(int measureId, int figureId, CancellationToken ct)
    {
        if (await measures.FindAsync(measureId, ct) is not { } measure || measure.Actuals.FirstOrDefault(a => a.Id == figureId) is not { } figure)
        {
            return (MeasureResult.NotFound, null, null);
        }

        return await access.MayEnterFiguresAsync(measure)
            ? (new MeasureResult(MeasureOutcome.Saved, new Dictionary<string, string>()), measure, figure)
            : (MeasureResult.Forbidden, measure, figure);
    }

    public async Task<MeasureResult> RunAsync(int measureId, int figureId, CorrectFigureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (found, measure, figure) = await FindAsync(measureId, figureId, ct);
        if (found.Outcome != MeasureOutcome.Saved)
        {
            return found;
        }

        var errors = new Dictionary<string, string>();
        var (value, valueError) = FigureRules.ParseValue(form.Value, measure!.Unit, measure.DecimalPlaces);
        RecordFigureHandler.Add(errors, nameof(form.Value), valueError);
        var asAt = RecordFigureHandler.ParseAsAt(form.AsAt, figure!.Period, clock.Today(), errors, nameof(form.AsAt));
        RecordFigureHandler.Add(errors, nameof(form.Note), FigureRules.NoteError(form.Note));
        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            errors[nameof(form.Reason)] = "Enter why you are correcting the figure";
        }
        else if (form.Reason.Length > ReasonLimit)
        {
            errors[nameof(form.Reason)] = $"The reason must be {ReasonLimit} characters or fewer";
        }

        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        if (figure.Version != form.Version)
        {
            return MeasureResult.Conflict;
        }

        measure.CorrectActual(figure.Id, value!.Value, form.Note, form.IsProvisional, asAt!.Value, form.Reason!, user.Id, user.Name);
        db.Entry(figure).Property(f => f.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeasureResult.Conflict;
        }

        return MeasureResult.Saved(measure.Id, $"Figure for {figure.PeriodLabel ?? figure.Period.Label(measure.Frequency)} corrected");
    }
}
