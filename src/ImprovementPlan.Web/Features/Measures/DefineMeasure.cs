using System.Globalization;
using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>A measure's definition as typed: what is counted, its unit, direction, tolerance, frequency and owner.</summary>
public sealed class MeasureForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Unit { get; set; }

    public string? DecimalPlaces { get; set; } = "0";

    public string? Polarity { get; set; }

    public string? Tolerance { get; set; } = "0";

    public string? Frequency { get; set; }

    public string? LagDays { get; set; }

    public string? DataOwnerUserId { get; set; }

    public string? Owner { get; set; }

    public string? Source { get; set; }

    public string? Priority { get; set; }

    public string? TrajectoryShape { get; set; } = nameof(Domain.Measures.TrajectoryShape.Stepped);

    public int Version { get; set; }

    [BindNever]
    public int? MeasureId { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> Users { get; set; } = [];

    [BindNever]
    public IReadOnlyList<SelectListItem> Priorities { get; set; } = [];

    public static MeasureForm From(Measure measure, int? priorityNumber) => new()
    {
        Code = measure.Code,
        Name = measure.Name,
        Description = measure.Description,
        Unit = measure.Unit.ToString(),
        DecimalPlaces = measure.DecimalPlaces.ToString(CultureInfo.InvariantCulture),
        Polarity = measure.Polarity.ToString(),
        Tolerance = measure.Tolerance.ToString("0.####", CultureInfo.InvariantCulture),
        Frequency = measure.Frequency.ToString(),
        LagDays = measure.LagDays.ToString(CultureInfo.InvariantCulture),
        DataOwnerUserId = measure.DataOwnerUserId,
        Owner = measure.Owner,
        Source = measure.Source,
        Priority = priorityNumber?.ToString(CultureInfo.InvariantCulture),
        TrajectoryShape = measure.TrajectoryShape.ToString(),
        Version = measure.Version,
        MeasureId = measure.Id,
    };

    public static IReadOnlyList<SelectListItem> Units =>
        [.. Enum.GetValues<MeasureUnit>().Select(u => new SelectListItem(FrequencyText.Name(u), u.ToString()))];

    public static IReadOnlyList<SelectListItem> Frequencies =>
        [.. Enum.GetValues<MeasureFrequency>().Select(f => new SelectListItem(FrequencyText.Name(f), f.ToString()))];

    public static IReadOnlyList<SelectListItem> Polarities =>
    [
        new("Higher is better", nameof(Domain.Rag.Polarity.HigherIsBetter)),
        new("Lower is better", nameof(Domain.Rag.Polarity.LowerIsBetter)),
        new("No direction: tracked, not rated", nameof(Domain.Rag.Polarity.Neutral)),
    ];

    public static IReadOnlyList<SelectListItem> Shapes =>
    [
        new("Stepped: each target holds until the next", nameof(Domain.Measures.TrajectoryShape.Stepped)),
        new("Linear: a straight line between targets", nameof(Domain.Measures.TrajectoryShape.Linear)),
    ];
}

/// <summary>Creates and edits measure definitions; only those who maintain measures reach it (the controller's policy).</summary>
public sealed partial class DefineMeasureHandler(ImprovementPlanDbContext db, CurrentPlan plan, MeasureDetailQuery measures)
{
    public async Task<MeasureForm> PrepareAsync(MeasureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await plan.IdAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title }).ToListAsync(ct);
        form.Users = [new SelectListItem("No one named", ""), .. users.Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id))];
        form.Priorities = [new SelectListItem("Not under a priority", ""),
            .. priorities.Select(p => new SelectListItem($"Priority {p.Number}: {p.Title}", p.Number.ToString(CultureInfo.InvariantCulture)))];
        return form;
    }

    public async Task<MeasureForm?> EditFormAsync(int id, CancellationToken ct)
    {
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return null;
        }

        var number = measure.PriorityId is { } priorityId
            ? await db.Priorities.Where(p => p.Id == priorityId).Select(p => (int?)p.Number).SingleOrDefaultAsync(ct)
            : null;
        return await PrepareAsync(MeasureForm.From(measure, number), ct);
    }

    public async Task<MeasureResult> CreateAsync(MeasureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await plan.IdAsync(ct);
        var errors = new Dictionary<string, string>();
        var code = form.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors[nameof(form.Code)] = "Enter a code";
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors[nameof(form.Code)] = "The code must be 50 characters or fewer, using only letters, numbers and hyphens";
        }
        else if (await db.Measures.AnyAsync(m => m.PlanId == planId && m.Code == code, ct))
        {
            errors[nameof(form.Code)] = $"There is already a measure with the code {code}";
        }

        var definition = await ReadAsync(form, planId, errors, ct);
        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        var measure = new Measure(planId, code!, definition!);
        db.Measures.Add(measure);
        await db.SaveChangesAsync(ct);
        return MeasureResult.Saved(measure.Id, $"Measure {measure.Name} created");
    }

    public async Task<MeasureResult> EditAsync(int id, MeasureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await measures.FindAsync(id, ct) is not { } measure)
        {
            return MeasureResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var definition = await ReadAsync(form, measure.PlanId, errors, ct);
        if (errors.Count > 0)
        {
            return MeasureResult.Invalid(errors);
        }

        if (measure.Version != form.Version)
        {
            return MeasureResult.Conflict;
        }

        measure.Redefine(definition!);
        db.Entry(measure).Property(m => m.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeasureResult.Conflict;
        }

        return MeasureResult.Saved(measure.Id, "Definition saved");
    }

    private async Task<MeasureDefinition?> ReadAsync(MeasureForm form, int planId, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors[nameof(form.Name)] = "Enter the measure’s name";
        }
        else if (form.Name.Length > 300)
        {
            errors[nameof(form.Name)] = "The name must be 300 characters or fewer";
        }

        if (form.Description is { Length: > 4000 })
        {
            errors[nameof(form.Description)] = "What is counted must be 4000 characters or fewer";
        }

        var unit = Enum.TryParse<MeasureUnit>(form.Unit, out var u) && Enum.IsDefined(u) ? u : (MeasureUnit?)null;
        if (unit is null)
        {
            errors[nameof(form.Unit)] = "Select the unit";
        }

        if (!int.TryParse(form.DecimalPlaces, NumberStyles.None, CultureInfo.InvariantCulture, out var places) || places > Measure.MaxDecimalPlaces)
        {
            errors[nameof(form.DecimalPlaces)] = $"Decimal places must be a whole number from 0 to {Measure.MaxDecimalPlaces}";
        }

        var polarity = Enum.TryParse<Polarity>(form.Polarity, out var p) && Enum.IsDefined(p) ? p : (Polarity?)null;
        if (polarity is null)
        {
            errors[nameof(form.Polarity)] = "Select whether a higher or lower figure is better";
        }

        var tolerance = 0m;
        if (polarity != Polarity.Neutral
            && (!decimal.TryParse(form.Tolerance, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out tolerance)))
        {
            errors[nameof(form.Tolerance)] = "The tolerance must be a number, 0 or more";
        }

        var frequency = Enum.TryParse<MeasureFrequency>(form.Frequency, out var f) && Enum.IsDefined(f) ? f : (MeasureFrequency?)null;
        if (frequency is null)
        {
            errors[nameof(form.Frequency)] = "Select how often the measure has a figure";
        }

        var lag = 0;
        if (frequency != MeasureFrequency.OneOff
            && (!int.TryParse(form.LagDays, NumberStyles.None, CultureInfo.InvariantCulture, out lag) || lag > Measure.MaxLagDays))
        {
            errors[nameof(form.LagDays)] = $"Enter the days after a period ends that its figure is due, a whole number from 0 to {Measure.MaxLagDays}";
        }

        var shape = Enum.TryParse<TrajectoryShape>(form.TrajectoryShape, out var s) && Enum.IsDefined(s) ? s : (TrajectoryShape?)null;
        if (shape is null)
        {
            errors[nameof(form.TrajectoryShape)] = "Select how the trajectory runs between targets";
        }

        string? ownerId = null;
        if (!string.IsNullOrWhiteSpace(form.DataOwnerUserId))
        {
            ownerId = await db.Users.Where(x => x.Id == form.DataOwnerUserId && x.IsActive).Select(x => x.Id).SingleOrDefaultAsync(ct);
            if (ownerId is null)
            {
                errors[nameof(form.DataOwnerUserId)] = "Select a data owner from the list";
            }
        }

        int? priorityId = null;
        if (!string.IsNullOrWhiteSpace(form.Priority))
        {
            priorityId = int.TryParse(form.Priority, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? await db.Priorities.Where(x => x.PlanId == planId && x.Number == number).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct)
                : null;
            if (priorityId is null)
            {
                errors[nameof(form.Priority)] = "Select a priority from the list";
            }
        }

        foreach (var (key, value, limit) in new[] { (nameof(form.Owner), form.Owner, 300), (nameof(form.Source), form.Source, 1000) })
        {
            if (value is { } v && v.Length > limit)
            {
                errors[key] = $"This must be {limit} characters or fewer";
            }
        }

        return errors.Count > 0
            ? null
            : new MeasureDefinition
            {
                Name = form.Name!,
                Description = form.Description,
                Unit = unit!.Value,
                DecimalPlaces = places,
                Polarity = polarity!.Value,
                Tolerance = tolerance,
                Frequency = frequency!.Value,
                LagDays = lag,
                DataOwnerUserId = ownerId,
                Owner = form.Owner,
                Source = form.Source,
                PriorityId = priorityId,
                TrajectoryShape = shape!.Value,
            };
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,49}$")]
    private static partial Regex CodePattern();
}
