using System.Globalization;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>The Measures, Targets and Actuals sheets: measures by code, targets by measure and date, figures by measure and period.</summary>
public static partial class PlanWorkbookReader
{
    private const string DateFormat = "d MMMM yyyy";

    private static readonly Dictionary<string, MeasureUnit> Units = Words<MeasureUnit>(
        ("percentage", MeasureUnit.Percent), ("%", MeasureUnit.Percent), ("number", MeasureUnit.Count), ("money", MeasureUnit.Currency),
        ("£", MeasureUnit.Currency), ("rateper10000", MeasureUnit.RatePer10000Children));

    private static readonly Dictionary<string, MeasureFrequency> Frequencies = Words<MeasureFrequency>(
        ("month", MeasureFrequency.Monthly), ("quarter", MeasureFrequency.Quarterly), ("yearly", MeasureFrequency.Annual),
        ("year", MeasureFrequency.Annual), ("once", MeasureFrequency.OneOff), ("dfeyear", MeasureFrequency.DfeReportingYear));

    private static readonly Dictionary<string, Polarity> Polarities = Words<Polarity>(
        ("higher", Polarity.HigherIsBetter), ("lower", Polarity.LowerIsBetter), ("up", Polarity.HigherIsBetter), ("down", Polarity.LowerIsBetter));

    private static readonly Dictionary<string, TrajectoryShape> Shapes = Words<TrajectoryShape>(
        ("steps", TrajectoryShape.Stepped), ("straightline", TrajectoryShape.Linear));

    private static (List<ImportedMeasure>, List<ImportedTarget>, List<ImportedActual>) ReadMeasures(WorkbookContent workbook, ExistingPlanKeys existing,
        HashSet<int> priorityNumbers, List<ImportNote> notes, List<ImportProblem> problems)
    {
        // Every code named in the Measures sheet counts as known, even on a row with problems, so that
        // its targets and figures are not reported a second time.
        var named = new HashSet<string>(existing.MeasureCodes, StringComparer.OrdinalIgnoreCase);
        var measures = ReadSheet(workbook, L.MeasuresSheet, L.MeasureFields, problems, (_, get) =>
        {
            var code = get.Text("code")!;
            named.Add(code);
            var before = problems.Count;
            get.Limit("code", "code", 50);
            get.Limit("name", "name", 300);
            get.Limit("description", "description", 4000);
            get.Limit("owner", "owner", 300);
            get.Limit("source", "source", 1000);
            get.Limit("sourceText", "source text", 4000);
            get.Limit("baselineLabel", "baseline period", 100);
            var priority = get.Int("priority");
            if (priority is { } number && !priorityNumbers.Contains(number))
            {
                problems.Add(new ImportProblem(L.MeasuresSheet, get.Address("priority"), $"there is no priority {number} in the Priorities sheet or the plan"));
            }

            var unit = get.Choice("unit", Units, MeasureUnit.Percent, "a unit");
            var places = get.Int("decimalPlaces") ?? 0;
            if (places is < 0 or > Measure.MaxDecimalPlaces)
            {
                problems.Add(new ImportProblem(L.MeasuresSheet, get.Address("decimalPlaces"), $"the decimal places must be from 0 to {Measure.MaxDecimalPlaces}"));
            }

            var polarity = get.Choice("polarity", Polarities, Polarity.HigherIsBetter, "a polarity");
            var tolerance = get.Decimal("tolerance") ?? 0m;
            if (tolerance < 0)
            {
                problems.Add(new ImportProblem(L.MeasuresSheet, get.Address("tolerance"), "the tolerance cannot be negative"));
            }

            var frequency = get.Choice("frequency", Frequencies, MeasureFrequency.Monthly, "a frequency");
            var lag = get.Int("lagDays") ?? 0;
            if (lag is < 0 or > Measure.MaxLagDays)
            {
                problems.Add(new ImportProblem(L.MeasuresSheet, get.Address("lagDays"), $"the lag days must be from 0 to {Measure.MaxLagDays}"));
            }

            var shape = get.Choice("trajectoryShape", Shapes, TrajectoryShape.Stepped, "a trajectory");
            var baseline = get.Decimal("baselineValue");
            var baselineStart = get.Date("baselineStart", notes);
            var baselineEnd = get.Date("baselineEnd", notes);
            if (baseline is not null && (baselineStart is null || baselineEnd is null))
            {
                problems.Add(new ImportProblem(L.MeasuresSheet, get.Address(baselineStart is null ? "baselineStart" : "baselineEnd") ?? get.Address("baselineValue"),
                    "a baseline needs the start and end of the period it was measured for"));
            }
            else if (baselineStart > baselineEnd)
            {
                problems.Add(new ImportProblem(L.MeasuresSheet, get.Address("baselineEnd"), "the baseline period cannot end before it starts"));
            }

            var retired = get.Date("retiredOn", notes);
            return problems.Count > before ? null : new ImportedMeasure(code, get.Text("name")!, get.Text("description"), priority, unit, places,
                polarity, tolerance, frequency, lag, get.Text("owner"), get.Text("source"), get.Text("sourceText"), shape, baseline,
                baseline is null ? null : baselineStart, baseline is null ? null : baselineEnd, baseline is null ? null : get.Text("baselineLabel"),
                retired, get.Address("code")!);
        });
        Duplicates(measures, m => m.Key.Code, L.MeasuresSheet, "measure code", problems);

        var targets = ReadSheet(workbook, L.TargetsSheet, L.TargetFields, problems, (_, get) =>
        {
            var code = KnownMeasure(get, L.TargetsSheet, named, problems);
            var before = problems.Count;
            var date = get.Date("date", notes);
            var value = get.Decimal("value");
            get.Limit("label", "label", 100);
            get.Limit("note", "note", 2000);
            var assumed = get.YesNo("dateAssumed");
            return problems.Count > before || code is null || date is null || value is null
                ? null
                : new ImportedTarget(code, date.Value, value.Value, get.Text("label"), get.Text("note"), assumed, get.Address("value")!);
        });
        foreach (var group in targets.GroupBy(t => (Code: t.Key.MeasureCode.ToUpperInvariant(), t.Key.Date)).Where(g => g.Count() > 1))
        {
            foreach (var repeat in group.Skip(1))
            {
                problems.Add(new ImportProblem(L.TargetsSheet, repeat.Value,
                    $"{repeat.Key.MeasureCode} has a second target for {repeat.Key.Date.ToString(DateFormat, CultureInfo.InvariantCulture)} (first in {group.First().Value}); a measure has one target per date"));
            }
        }

        var actuals = ReadSheet(workbook, L.ActualsSheet, L.ActualFields, problems, (_, get) =>
        {
            var code = KnownMeasure(get, L.ActualsSheet, named, problems);
            var before = problems.Count;
            var start = get.Date("periodStart", notes);
            var end = get.Date("periodEnd", notes);
            if (start > end)
            {
                problems.Add(new ImportProblem(L.ActualsSheet, get.Address("periodEnd"), "the period cannot end before it starts"));
            }

            var value = get.Decimal("value");
            get.Limit("label", "period", 100);
            get.Limit("note", "note", 2000);
            var asAt = get.Date("asAt", notes);
            if (asAt is { } produced && start is { } from && produced < from)
            {
                problems.Add(new ImportProblem(L.ActualsSheet, get.Address("asAt"), "a figure cannot be produced before its period starts"));
            }

            var provisional = get.YesNo("provisional");
            return problems.Count > before || code is null || start is null || end is null || value is null
                ? null
                : new ImportedActual(code, start.Value, end.Value, get.Text("label"), value.Value, get.Text("note"), asAt, provisional,
                    get.Address("periodStart")!, get.Address("value")!);
        });
        foreach (var group in actuals.GroupBy(a => (Code: a.Key.MeasureCode.ToUpperInvariant(), a.Key.PeriodStart, a.Key.PeriodEnd)).Where(g => g.Count() > 1))
        {
            foreach (var repeat in group.Skip(1))
            {
                problems.Add(new ImportProblem(L.ActualsSheet, repeat.Value,
                    $"{repeat.Key.MeasureCode} has a second figure for the same period (first in {group.First().Value}); a measure has one figure per period"));
            }
        }

        return ([.. measures.Select(m => m.Key)], [.. targets.Select(t => t.Key)], [.. actuals.Select(a => a.Key)]);
    }

    /// <summary>The measure a Targets or Actuals row names, as the Measures sheet or the plan spells it; null (with a problem) when neither has it.</summary>
    private static string? KnownMeasure(RowReader get, string sheet, HashSet<string> named, List<ImportProblem> problems)
    {
        var code = get.Text("measure")!;
        if (named.TryGetValue(code, out var known))
        {
            return known;
        }

        problems.Add(new ImportProblem(sheet, get.Address("measure"), $"the measure ‘{code}’ is not in the Measures sheet or the plan; add it there or correct the code"));
        return null;
    }

    /// <summary>The enum's own names, and the words councils use for them, by their normalised spelling.</summary>
    private static Dictionary<string, T> Words<T>(params (string Word, T Value)[] synonyms)
        where T : struct, Enum
    {
        var words = Enum.GetValues<T>().ToDictionary(v => HeaderMatcher.Normalise(v.ToString()), v => v, StringComparer.Ordinal);
        foreach (var (word, value) in synonyms)
        {
            words.TryAdd(word.Length == 1 ? word : HeaderMatcher.Normalise(word), value);
        }

        return words;
    }
}
