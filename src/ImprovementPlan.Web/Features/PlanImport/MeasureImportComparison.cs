using System.Globalization;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans.Import;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>
/// Compares the workbook's Measures, Targets and Actuals sheets with the plan's measures: what would be
/// added and changed, and the values that do not suit their measure (a percentage over 100, too many
/// decimal places, a period that is not one of the measure's).
/// </summary>
public static class MeasureImportComparison
{
    public const string MeasureKind = "Measure";
    public const string TargetKind = "Target";
    public const string FigureKind = "Figure";

    private const string DateFormat = "d MMMM yyyy";

    public static List<MeasureChange> Compare(ImportedPlan imported, IReadOnlyList<Measure> held, IReadOnlyDictionary<int, int> priorityNumbersById,
        List<ImportNote> notes, List<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(priorityNumbersById);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(problems);
        var changes = new List<MeasureChange>();
        Measure? Held(string code) => held.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

        // The definition a target or figure is checked against: the workbook's, else the plan's.
        var definitions = held.ToDictionary(m => m.Code, m => (m.Unit, m.DecimalPlaces, m.Frequency), StringComparer.OrdinalIgnoreCase);
        foreach (var measure in imported.Measures)
        {
            definitions[measure.Code] = (measure.Unit, measure.DecimalPlaces, measure.Frequency);
            var values = Values(measure);
            if (Held(measure.Code) is not { } existing)
            {
                changes.Add(new MeasureChange(MeasureKind, measure.Code, true, measure.Name,
                    [.. values.Where(v => v.Value is not null).Select(v => new FieldChange(v.Key, null, v.Value))]));
                continue;
            }

            var old = Values(existing, existing.PriorityId is { } id && priorityNumbersById.TryGetValue(id, out var number) ? number : null);
            var diff = values.Where(v => old[v.Key] != v.Value).Select(v => new FieldChange(v.Key, old[v.Key], v.Value)).ToList();
            if (diff.Count > 0)
            {
                changes.Add(new MeasureChange(MeasureKind, existing.Code, false, measure.Name, diff));
            }
        }

        foreach (var target in imported.Targets)
        {
            if (!definitions.TryGetValue(target.MeasureCode, out var definition))
            {
                continue; // its row of the Measures sheet has a problem of its own
            }

            var (unit, places, _) = definition;
            if (ValueProblem(target.Value, unit, places) is { } reason)
            {
                problems.Add(new ImportProblem(L.TargetsSheet, target.ValueCell, reason));
            }

            var key = $"{target.MeasureCode}, {Date(target.Date)}";
            var values = new Dictionary<string, string?>
            {
                ["TARGET"] = Number(target.Value),
                ["LABEL"] = target.Label,
                ["NOTE"] = target.Note,
                ["DATE ASSUMED"] = YesNo(target.DateAssumed),
            };
            var existing = Held(target.MeasureCode)?.Targets.FirstOrDefault(t => t.Date == target.Date);
            if (existing is null)
            {
                changes.Add(new MeasureChange(TargetKind, key, true, target.MeasureCode,
                    [.. values.Where(v => v.Value is not null).Select(v => new FieldChange(v.Key, null, v.Value))]));
                continue;
            }

            var old = new Dictionary<string, string?>
            {
                ["TARGET"] = Number(existing.Value),
                ["LABEL"] = existing.Label,
                ["NOTE"] = existing.Note,
                ["DATE ASSUMED"] = YesNo(existing.DateAssumed),
            };
            var diff = values.Where(v => old[v.Key] != v.Value).Select(v => new FieldChange(v.Key, old[v.Key], v.Value)).ToList();
            if (diff.Count > 0)
            {
                changes.Add(new MeasureChange(TargetKind, key, false, target.MeasureCode, diff));
            }
        }

        foreach (var actual in imported.Actuals)
        {
            if (!definitions.TryGetValue(actual.MeasureCode, out var definition))
            {
                continue;
            }

            var (unit, places, frequency) = definition;
            if (!MeasurePeriod.Fits(frequency, actual.PeriodStart, actual.PeriodEnd))
            {
                problems.Add(new ImportProblem(L.ActualsSheet, actual.PeriodCell,
                    $"{Date(actual.PeriodStart)} to {Date(actual.PeriodEnd)} is not one {FrequencyText.PeriodNoun(frequency)}; {actual.MeasureCode} has one figure for each {FrequencyText.PeriodNoun(frequency)}"));
                continue;
            }

            if (ValueProblem(actual.Value, unit, places) is { } reason)
            {
                problems.Add(new ImportProblem(L.ActualsSheet, actual.ValueCell, reason));
            }

            var period = new MeasurePeriod(actual.PeriodStart, actual.PeriodEnd);
            var existing = Held(actual.MeasureCode)?.ActualFor(period);
            var label = actual.PeriodLabel ?? existing?.PeriodLabel ?? period.Label(frequency);
            var key = $"{actual.MeasureCode}, {label}";
            var values = new Dictionary<string, string?>
            {
                ["FIGURE"] = Number(actual.Value),
                ["NOTE"] = actual.Note,
                ["AS AT"] = Date(actual.AsAt ?? existing?.AsAt ?? actual.PeriodEnd),
                ["PROVISIONAL"] = YesNo(actual.IsProvisional),
            };
            if (existing is null)
            {
                values["PERIOD"] = label;
                changes.Add(new MeasureChange(FigureKind, key, true, actual.MeasureCode,
                    [.. values.Where(v => v.Value is not null).Select(v => new FieldChange(v.Key, null, v.Value))]));
                continue;
            }

            if (actual.PeriodLabel is { } newLabel && newLabel != existing.PeriodLabel)
            {
                notes.Add(new ImportNote(L.ActualsSheet, actual.PeriodCell,
                    $"the period of {actual.MeasureCode}'s figure is not renamed (‘{existing.PeriodLabel}’ in the plan, ‘{newLabel}’ in the workbook)"));
            }

            var old = new Dictionary<string, string?>
            {
                ["FIGURE"] = Number(existing.Value),
                ["NOTE"] = existing.Note,
                ["AS AT"] = Date(existing.AsAt),
                ["PROVISIONAL"] = YesNo(existing.IsProvisional),
            };
            var diff = values.Where(v => old[v.Key] != v.Value).Select(v => new FieldChange(v.Key, old[v.Key], v.Value)).ToList();
            if (diff.Count > 0)
            {
                changes.Add(new MeasureChange(FigureKind, key, false, actual.MeasureCode, diff));
            }
        }

        return changes;
    }

    /// <summary>Why a target or figure does not suit its measure, or null: the rules the measure's own forms apply.</summary>
    public static string? ValueProblem(decimal value, MeasureUnit unit, int decimalPlaces)
    {
        if (unit == MeasureUnit.Percent && value is < 0 or > 100)
        {
            return $"{Number(value)} is not a percentage between 0 and 100";
        }

        if (unit != MeasureUnit.Currency && value < 0)
        {
            return $"{Number(value)} is negative; only money can be";
        }

        if (decimal.Round(value, decimalPlaces) != value)
        {
            return decimalPlaces == 0
                ? $"{Number(value)} is not a whole number, and the measure has no decimal places"
                : $"{Number(value)} has more than {decimalPlaces} decimal place{(decimalPlaces == 1 ? "" : "s")}, the measure's precision";
        }

        return null;
    }

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static Dictionary<string, string?> Values(ImportedMeasure m) => Values(m.Name, m.Description, m.PriorityNumber, m.Unit, m.DecimalPlaces,
        m.Polarity, m.Tolerance, m.Frequency, m.LagDays, m.Owner, m.Source, m.SourceText, m.TrajectoryShape, m.BaselineValue, m.BaselinePeriodStart,
        m.BaselinePeriodEnd, BaselineLabel(m), m.RetiredOn);

    /// <summary>The baseline's period in words as the measure will keep it: as written, else the period's own name.</summary>
    public static string? BaselineLabel(ImportedMeasure m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return m.BaselineValue is null || m.BaselinePeriodStart is not { } start || m.BaselinePeriodEnd is not { } end
            ? null
            : m.BaselinePeriodLabel ?? new MeasurePeriod(start, end).Label(m.Frequency);
    }

    private static Dictionary<string, string?> Values(Measure m, int? priority) => Values(m.Name, m.Description, priority, m.Unit, m.DecimalPlaces,
        m.Polarity, m.Tolerance, m.Frequency, m.LagDays, m.Owner, m.Source, m.SourceText, m.TrajectoryShape, m.BaselineValue, m.BaselinePeriodStart,
        m.BaselinePeriodEnd, m.BaselinePeriodLabel, m.RetiredOn);

    private static Dictionary<string, string?> Values(string name, string? description, int? priority, MeasureUnit unit, int places,
        Domain.Rag.Polarity polarity, decimal tolerance, MeasureFrequency frequency, int lag, string? owner, string? source, string? sourceText,
        TrajectoryShape shape, decimal? baseline, DateOnly? baselineStart, DateOnly? baselineEnd, string? baselineLabel, DateOnly? retiredOn) =>
        new()
        {
            ["NAME"] = name,
            ["DESCRIPTION"] = description,
            ["PRIORITY"] = priority?.ToString(CultureInfo.InvariantCulture),
            ["UNIT"] = unit.ToString(),
            ["DECIMAL PLACES"] = places.ToString(CultureInfo.InvariantCulture),
            ["POLARITY"] = polarity.ToString(),
            ["TOLERANCE"] = Number(tolerance),
            ["FREQUENCY"] = frequency.ToString(),
            ["LAG DAYS"] = lag.ToString(CultureInfo.InvariantCulture),
            ["OWNER"] = owner,
            ["SOURCE"] = source,
            ["SOURCE TEXT"] = sourceText,
            ["TRAJECTORY"] = shape.ToString(),
            ["BASELINE"] = baseline is { } b ? Number(b) : null,
            ["BASELINE PERIOD START"] = Date(baselineStart),
            ["BASELINE PERIOD END"] = Date(baselineEnd),
            ["BASELINE PERIOD"] = baselineLabel,
            ["RETIRED ON"] = Date(retiredOn),
        };
}
