using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Measures.Dfe;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>
/// Works out what importing a pending file into a measure would do: reads the file (and the
/// neighbour groupings), finds the plan's council in it, and compares each figure with what the
/// measure already holds. The preview shows the result; confirming applies the same result.
/// </summary>
public sealed class DfeImportPlanQuery(ImprovementPlanDbContext db, PendingImportStorageService store)
{
    public const string RevisionReason = "DfE revision";
    public const string AverageName = "Statistical neighbours";

    /// <summary>The plan's measures an import may feed (not retired), for the form.</summary>
    public Task<List<ImportMeasure>> MeasuresAsync(int planId, CancellationToken cancellationToken) =>
        db.Measures.AsNoTracking()
            .Where(m => m.PlanId == planId && m.RetiredOn == null)
            .OrderBy(m => m.Name)
            .Select(m => new ImportMeasure(m.Id, m.Code, m.Name, m.Frequency, m.DecimalPlaces))
            .ToListAsync(cancellationToken);

    /// <summary>The measure with its figures and comparators, if it is one of the plan's; tracked when it is to be written.</summary>
    public Task<Measure?> FindMeasureAsync(int planId, int measureId, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Measures.Include(m => m.Actuals).Include(m => m.Comparators).AsSplitQuery()
            .Where(m => m.PlanId == planId && m.Id == measureId);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<CouncilCodes?> CouncilAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.OldLaCode, p.NewLaCode, p.RegionCode })
            .SingleOrDefaultAsync(cancellationToken);
        return plan is { OldLaCode: { } old, NewLaCode: { } @new } ? new CouncilCodes(old, @new, plan.RegionCode) : null;
    }

    public Task<string?> RegionNameAsync(int planId, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.RegionName).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Reads the pending file's table (already checked on upload, so errors here mean it has gone).</summary>
    public DfeTableReading ReadTable(PendingImport pending)
    {
        using var stream = store.OpenData(pending);
        return DfeCsvReader.ReadTidyFile(stream);
    }

    public async Task<ImportPlanResult> BuildAsync(PendingImport pending, Measure measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(measure);
        if (await CouncilAsync(pending.PlanId, cancellationToken) is not { } council)
        {
            return ImportPlanResult.Refused("", "The plan does not say which council it is for (its LA codes are not set), so its figures cannot be found in the file.");
        }

        var table = ReadTable(pending);
        if (table.Table is null)
        {
            return new ImportPlanResult(null, [.. table.Errors.Select(e => new KeyValuePair<string, string>("", e))]);
        }

        NeighbourGroupings? groupings = null;
        string? groupingsUsed = null;
        await using (var stream = store.OpenGroupings(pending))
        {
            if (stream is not null)
            {
                var reading = DfeCsvReader.ReadGroupings(stream);
                if (reading.Groupings is null)
                {
                    return new ImportPlanResult(null, [.. reading.Errors.Select(e => new KeyValuePair<string, string>("", e))]);
                }

                groupings = reading.Groupings;
                groupingsUsed = pending.GroupingsFileName ?? "the groupings saved with an earlier import";
            }
        }

        var result = DfeComparison.Compute(table.Table, new DfeComparisonRequest(pending.Indicator!, council, groupings, pending.Choices));
        if (!result.IsValid)
        {
            return new ImportPlanResult(null, [.. result.Errors.Select(e => new KeyValuePair<string, string>(ErrorKey(e), e))]);
        }

        if (result.Actuals.Count > 0 && result.Actuals.Max(a => a.Period.End) is var latestEnd && pending.PublishedOn < latestEnd)
        {
            return ImportPlanResult.Refused("PublishedOn",
                $"The file has figures for periods up to {latestEnd.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, so the date the DfE published it must be after that");
        }

        var skipped = result.Skipped.ToList();
        var actuals = new List<PlannedActual>();
        foreach (var figure in result.Actuals)
        {
            var period = new MeasurePeriod(figure.Period.Start, figure.Period.End);
            if (!MeasurePeriod.Fits(measure.Frequency, period.Start, period.End))
            {
                skipped.Add(new DfeSkippedRow(figure.LineNumber, result.CouncilName, figure.Period.Label,
                    $"The measure\u2019s figures are each for one {FrequencyText.PeriodNoun(measure.Frequency)}, and this one is not."));
                continue;
            }

            var existing = measure.ActualFor(period);
            var change = existing is null ? ImportChange.New : existing.Value == figure.Value ? ImportChange.Unchanged : ImportChange.Correction;
            actuals.Add(new PlannedActual(figure, period, period.Label(measure.Frequency), change, existing?.Value, existing?.Id));
        }

        if (result.Actuals.Count > 0 && actuals.Count == 0)
        {
            return ImportPlanResult.Refused("MeasureId",
                $"The figures in the file are for {result.Actuals[0].Period.Label} and the like, but \u2018{measure.Name}\u2019 has a figure for each {FrequencyText.PeriodNoun(measure.Frequency)}. Choose a measure whose figures are for the same periods as the file\u2019s");
        }

        var comparators = result.Comparators.Select(c => PlanComparator(c, measure, pending, groupingsUsed)).ToList();
        var plan = new ImportPlan(pending, new ImportMeasure(measure.Id, measure.Code, measure.Name, measure.Frequency, measure.DecimalPlaces),
            result.CouncilName, result.RegionName, actuals, comparators, skipped, result.RowsNotUsed, groupingsUsed,
            Fingerprint(measure.Id, actuals, comparators));
        return new ImportPlanResult(plan, []);
    }

    /// <summary>Applies a plan to the (tracked) measure it was made for; the caller saves, in one transaction.</summary>
    public static void Apply(ImportPlan plan, Measure measure, string? userId, string userName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(measure);
        var asAt = plan.Pending.PublishedOn!.Value;
        var note = Note(plan.Pending);
        foreach (var actual in plan.Actuals)
        {
            switch (actual.Change)
            {
                case ImportChange.New:
                    measure.RecordActual(actual.Period, actual.Figure.Value, note, isProvisional: false, asAt, userId, userName);
                    break;
                case ImportChange.Correction:
                    measure.CorrectActual(actual.ExistingId!.Value, actual.Figure.Value, note, isProvisional: false, asAt, RevisionReason, userId, userName);
                    break;
                default:
                    break;
            }
        }

        foreach (var comparator in plan.Comparators.Where(c => c.Change != ImportChange.Unchanged))
        {
            measure.RecordComparator(comparator.Kind, comparator.Name, comparator.Figure.Value, comparator.Period, null, comparator.Source,
                comparator.Figure.NeighboursCovered);
        }
    }

    private static PlannedComparator PlanComparator(DfeComparatorFigure figure, Measure measure, PendingImport pending, string? groupingsUsed)
    {
        var kind = figure.Kind switch
        {
            DfeComparatorKind.England => ComparatorKind.England,
            DfeComparatorKind.Region => ComparatorKind.Region,
            _ => ComparatorKind.StatisticalNeighbours,
        };
        var name = kind == ComparatorKind.StatisticalNeighbours ? AverageName : figure.Name;
        var period = new MeasurePeriod(figure.Period.Start, figure.Period.End);
        var source = Shorten($"DfE: {pending.FileName}, column {pending.Indicator}"
            + (figure.Coverage is { } coverage ? $"; mean of the figures of {figure.NeighboursCovered} of {figure.NeighboursInGroup} statistical neighbours ({groupingsUsed})" : ""));
        var existing = measure.Comparators.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
            && c.PeriodStart == period.Start && c.PeriodEnd == period.End);
        var label = period.Label(measure.Frequency);
        var change = existing is null ? ImportChange.New
            : existing.Value != figure.Value ? ImportChange.Correction
            : existing.Source != source || existing.NeighbourCount != figure.NeighboursCovered || existing.PeriodLabel != label ? ImportChange.Updated
            : ImportChange.Unchanged;
        return new PlannedComparator(figure, kind, name, period, label, source, change, existing?.Value);
    }

    private static string Note(PendingImport pending) => Shorten($"Imported from the DfE file {pending.FileName}, column {pending.Indicator}.");

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..999] + "\u2026";

    private static string ErrorKey(string error) =>
        error.StartsWith("Choose which", StringComparison.Ordinal) || error.Contains("is not a value of", StringComparison.Ordinal) ? "Choices"
        : error.Contains("indicator", StringComparison.OrdinalIgnoreCase) || error.Contains("not a column of figures", StringComparison.Ordinal) ? "Indicator"
        : "";

    private static string Fingerprint(int measureId, List<PlannedActual> actuals, List<PlannedComparator> comparators)
    {
        var text = new StringBuilder().Append(measureId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var a in actuals)
        {
            text.Append(CultureInfo.InvariantCulture, $"A|{a.Period.Start:O}|{a.Period.End:O}|{a.Figure.Value}|{a.Change}|{a.OldValue}\n");
        }

        foreach (var c in comparators)
        {
            text.Append(CultureInfo.InvariantCulture, $"C|{c.Kind}|{c.Name}|{c.Period.Start:O}|{c.Figure.Value}|{c.Source}|{c.Change}|{c.OldValue}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
