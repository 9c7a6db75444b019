namespace ImprovementPlan.Domain.Measures.Dfe;

/// <summary>The council a plan is for, as the DfE's files name it.</summary>
/// <param name="OldLaCode">The three-digit LA code, e.g. "332"; also the key of the neighbour groupings.</param>
/// <param name="NewLaCode">The nine-character ONS code, e.g. "E08000027".</param>
/// <param name="RegionCode">The region's code, e.g. "E12000005"; when null, taken from the council's own rows.</param>
public sealed record CouncilCodes(string OldLaCode, string NewLaCode, string? RegionCode = null);

public enum DfeComparatorKind
{
    England = 0,
    Region = 1,
    StatisticalNeighbours = 2,
}

/// <summary>A figure of the council's own, for its period, from one row of the file.</summary>
public sealed record DfeActualFigure(DfePeriod Period, decimal Value, int LineNumber);

/// <summary>A comparator figure; for statistical neighbours, how many of the group it averages.</summary>
public sealed record DfeComparatorFigure(
    DfeComparatorKind Kind,
    string Name,
    DfePeriod Period,
    decimal Value,
    IReadOnlyList<int> LineNumbers,
    int? NeighboursCovered = null,
    int? NeighboursInGroup = null)
{
    /// <summary>"covers 9 of 10 neighbours" for an average; null for other comparators.</summary>
    public string? Coverage => NeighboursCovered is { } covered && NeighboursInGroup is { } group
        ? $"covers {covered} of {group} neighbour{(group == 1 ? "" : "s")}"
        : null;
}

/// <summary>A row (or a neighbour without a row) that gave no figure, and why.</summary>
public sealed record DfeSkippedRow(int? LineNumber, string Place, string Period, string Reason);

/// <summary>What to read from a tidy file: the indicator, the council, its neighbours and the dimension values chosen.</summary>
public sealed record DfeComparisonRequest(
    string Indicator,
    CouncilCodes Council,
    NeighbourGroupings? Neighbours = null,
    IReadOnlyDictionary<string, string>? Choices = null);

/// <summary>Everything an import would write, everything it skipped, or why it cannot go ahead.</summary>
public sealed record DfeComparisonResult(
    IReadOnlyList<string> Errors,
    string CouncilName,
    string? RegionName,
    IReadOnlyList<DfeActualFigure> Actuals,
    IReadOnlyList<DfeComparatorFigure> Comparators,
    IReadOnlyList<DfeSkippedRow> Skipped,
    int RowsNotUsed)
{
    public bool IsValid => Errors.Count == 0;

    internal static DfeComparisonResult Refused(params string[] errors) => new(errors, string.Empty, null, [], [], [], 0);
}

/// <summary>
/// Reads one indicator of a tidy file for one council: its own rows as its figures, the national
/// rows as England, its region's rows as the region, and the mean of its statistical neighbours'
/// figures (rounded to the precision the DfE publishes them at) with how many neighbours it covers.
/// A row that cannot give a figure is listed with the reason, never guessed at.
/// </summary>
public static class DfeComparison
{
    private const string National = "National";
    private const string Regional = "Regional";
    private const string LocalAuthority = "Local authority";

    private enum Role
    {
        England,
        Region,
        Council,
        Neighbour,
    }

    private sealed record Candidate(DfeRow Row, Role Role, string Place, string Key, DfePeriod Period);

    public static DfeComparisonResult Compute(DfeTidyTable table, DfeComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);

        var indicator = table.IndicatorColumns.FirstOrDefault(c => string.Equals(c, request.Indicator, StringComparison.OrdinalIgnoreCase));
        if (indicator is null)
        {
            return DfeComparisonResult.Refused(table.Dimensions.Any(d => string.Equals(d.Column, request.Indicator, StringComparison.OrdinalIgnoreCase))
                ? $"\u2018{request.Indicator}\u2019 is not a column of figures. Choose one of: {string.Join(", ", table.IndicatorColumns)}."
                : $"The file has no indicator column \u2018{request.Indicator}\u2019. It offers: {string.Join(", ", table.IndicatorColumns)}.");
        }

        var choiceErrors = CheckChoices(table, request.Choices);
        if (choiceErrors.Count > 0)
        {
            return DfeComparisonResult.Refused([.. choiceErrors]);
        }

        var council = request.Council;
        List<string> neighbourCodes = [];
        if (request.Neighbours is { } groupings)
        {
            if (groupings.NeighboursOf(council.OldLaCode) is not { } codes)
            {
                return DfeComparisonResult.Refused(
                    $"The groupings file has no row for the council\u2019s LA code {council.OldLaCode}, so its statistical neighbours are not known.");
            }

            neighbourCodes = codes.Where(c => c != council.OldLaCode).Distinct(StringComparer.Ordinal).ToList();
        }

        var chosen = table.Rows.Where(r => MatchesChoices(table, r, request.Choices)).ToList();
        var councilRows = chosen.Where(r => IsLevel(table, r, LocalAuthority) && IsCouncil(table, r, council)).ToList();
        if (councilRows.Count == 0)
        {
            return DfeComparisonResult.Refused(
                $"The file has no rows for the council (LA code {council.OldLaCode}, {council.NewLaCode}). Check that it covers local authorities.");
        }

        var councilName = Latest(table, councilRows, DfeTidyTable.LaName) ?? council.NewLaCode;
        var regionCode = council.RegionCode is { Length: > 0 } given ? given : Latest(table, councilRows, DfeTidyTable.RegionCode);
        var neighbourSet = new HashSet<string>(neighbourCodes, StringComparer.Ordinal);

        var skipped = new List<DfeSkippedRow>();
        var candidates = new List<Candidate>();
        var used = 0;
        foreach (var row in chosen)
        {
            var role = RoleOf(table, row, council, regionCode, neighbourSet);
            if (role is null)
            {
                continue;
            }

            used++;
            var (place, key) = role switch
            {
                Role.England => (NonBlank(table.Cell(row, DfeTidyTable.CountryName)) ?? "England", "england"),
                Role.Region => (NonBlank(table.Cell(row, DfeTidyTable.RegionName)) ?? regionCode ?? "Region", "region"),
                Role.Council => (councilName, "council"),
                _ => (NeighbourName(table, row), table.Cell(row, DfeTidyTable.OldLaCode)),
            };

            var reading = DfePeriod.Read(table.Cell(row, DfeTidyTable.TimePeriod), table.Cell(row, DfeTidyTable.TimeIdentifier));
            if (reading.Period is not { } period)
            {
                skipped.Add(new DfeSkippedRow(row.LineNumber, place, table.Cell(row, DfeTidyTable.TimePeriod), $"The period could not be read: {reading.Reason}."));
                continue;
            }

            candidates.Add(new Candidate(row, role.Value, place, key, period));
        }

        // Two rows for one place and period mean the file has a breakdown this import was not told about: use neither.
        var unique = new List<Candidate>();
        foreach (var group in candidates.GroupBy(c => (c.Key, c.Period)))
        {
            if (group.Count() == 1)
            {
                unique.Add(group.First());
                continue;
            }

            var lines = string.Join(", ", group.Select(c => c.Row.LineNumber));
            skipped.AddRange(group.Select(c => new DfeSkippedRow(c.Row.LineNumber, c.Place, c.Period.Label,
                $"More than one row for {c.Place} in {c.Period.Label} (lines {lines}); the file may divide its figures by a column this import does not choose from.")));
        }

        var actuals = new List<DfeActualFigure>();
        var comparators = new List<DfeComparatorFigure>();
        foreach (var candidate in unique.Where(c => c.Role != Role.Neighbour))
        {
            var value = DfeCell.Read(candidate.Row[table.IndexOf(indicator)]);
            if (value.Value is not { } figure)
            {
                skipped.Add(new DfeSkippedRow(candidate.Row.LineNumber, candidate.Place, candidate.Period.Label, Capitalise(value.Reason!) + "."));
                continue;
            }

            switch (candidate.Role)
            {
                case Role.Council:
                    actuals.Add(new DfeActualFigure(candidate.Period, figure, candidate.Row.LineNumber));
                    break;
                case Role.England:
                    comparators.Add(new DfeComparatorFigure(DfeComparatorKind.England, candidate.Place, candidate.Period, figure, [candidate.Row.LineNumber]));
                    break;
                default:
                    comparators.Add(new DfeComparatorFigure(DfeComparatorKind.Region, candidate.Place, candidate.Period, figure, [candidate.Row.LineNumber]));
                    break;
            }
        }

        if (neighbourCodes.Count > 0)
        {
            var periods = unique.Select(c => c.Period).Distinct().ToList();
            comparators.AddRange(NeighbourAverages(table, indicator, neighbourCodes, unique, periods, request.Neighbours!, skipped));
        }

        return new DfeComparisonResult(
            [],
            councilName,
            comparators.FirstOrDefault(c => c.Kind == DfeComparatorKind.Region)?.Name ?? Latest(table, councilRows, DfeTidyTable.RegionName),
            actuals.OrderBy(a => a.Period.Start).ThenBy(a => a.Period.End).ToList(),
            comparators.OrderBy(c => c.Period.Start).ThenBy(c => c.Period.End).ThenBy(c => c.Kind).ToList(),
            skipped.OrderBy(s => s.LineNumber ?? int.MaxValue).ThenBy(s => s.Place, StringComparer.Ordinal).ToList(),
            table.Rows.Count - used);
    }

    private static IEnumerable<DfeComparatorFigure> NeighbourAverages(DfeTidyTable table, string indicator,
        List<string> neighbourCodes, List<Candidate> rows, List<DfePeriod> periods, NeighbourGroupings groupings,
        List<DfeSkippedRow> skipped)
    {
        var byKey = rows.Where(c => c.Role == Role.Neighbour).ToDictionary(c => (c.Key, c.Period));
        var names = rows.Where(c => c.Role == Role.Neighbour).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Last().Place);
        var column = table.IndexOf(indicator);
        foreach (var period in periods.OrderBy(p => p.Start).ThenBy(p => p.End))
        {
            var values = new List<decimal>();
            var lines = new List<int>();
            foreach (var code in neighbourCodes)
            {
                if (!byKey.TryGetValue((code, period), out var candidate))
                {
                    var name = names.GetValueOrDefault(code) ?? (groupings.Names.TryGetValue(code, out var n) ? $"{n} ({code})" : $"LA {code}");
                    skipped.Add(new DfeSkippedRow(null, name, period.Label,
                        "Statistical neighbour with no row in the file for this period (or more than one), so it is left out of the average."));
                    continue;
                }

                var value = DfeCell.Read(candidate.Row[column]);
                if (value.Value is { } figure)
                {
                    values.Add(figure);
                    lines.Add(candidate.Row.LineNumber);
                }
                else
                {
                    skipped.Add(new DfeSkippedRow(candidate.Row.LineNumber, candidate.Place, period.Label,
                        $"{Capitalise(value.Reason!)}; left out of the statistical neighbours\u2019 average."));
                }
            }

            if (values.Count == 0)
            {
                skipped.Add(new DfeSkippedRow(null, "Statistical neighbours", period.Label,
                    "No statistical neighbour has a figure for this period, so there is no average."));
                continue;
            }

            yield return new DfeComparatorFigure(DfeComparatorKind.StatisticalNeighbours, "Statistical neighbours\u2019 average", period,
                MeanAtPublishedPrecision(values), lines, values.Count, neighbourCodes.Count);
        }
    }

    /// <summary>
    /// The mean, rounded half away from zero to the most decimal places among the figures: the
    /// DfE publishes e.g. percentages to one place, and more places would claim a precision the
    /// figures do not have.
    /// </summary>
    public static decimal MeanAtPublishedPrecision(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("There is no mean of no values.", nameof(values));
        }

        var places = values.Max(v => (int)v.Scale);
        return Math.Round(values.Sum() / values.Count, places, MidpointRounding.AwayFromZero);
    }

    private static Role? RoleOf(DfeTidyTable table, DfeRow row, CouncilCodes council, string? regionCode, HashSet<string> neighbours)
    {
        if (IsLevel(table, row, National))
        {
            return Role.England;
        }

        if (IsLevel(table, row, Regional))
        {
            return regionCode is not null && string.Equals(table.Cell(row, DfeTidyTable.RegionCode), regionCode, StringComparison.OrdinalIgnoreCase)
                ? Role.Region
                : null;
        }

        if (!IsLevel(table, row, LocalAuthority))
        {
            return null;
        }

        if (IsCouncil(table, row, council))
        {
            return Role.Council;
        }

        return neighbours.Contains(table.Cell(row, DfeTidyTable.OldLaCode)) ? Role.Neighbour : null;
    }

    private static bool IsCouncil(DfeTidyTable table, DfeRow row, CouncilCodes council) =>
        (council.OldLaCode.Length > 0 && string.Equals(table.Cell(row, DfeTidyTable.OldLaCode), council.OldLaCode.Trim(), StringComparison.OrdinalIgnoreCase))
        || (council.NewLaCode.Length > 0 && string.Equals(table.Cell(row, DfeTidyTable.NewLaCode), council.NewLaCode.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool IsLevel(DfeTidyTable table, DfeRow row, string level) =>
        string.Equals(table.Cell(row, DfeTidyTable.GeographicLevel), level, StringComparison.OrdinalIgnoreCase);

    private static List<string> CheckChoices(DfeTidyTable table, IReadOnlyDictionary<string, string>? choices)
    {
        var errors = new List<string>();
        foreach (var dimension in table.Dimensions.Where(d => d.NeedsChoice))
        {
            var choice = choices?.FirstOrDefault(c => string.Equals(c.Key, dimension.Column, StringComparison.OrdinalIgnoreCase)).Value;
            if (choice is null)
            {
                errors.Add($"Choose which \u2018{dimension.Column}\u2019 to import: the file has rows for {string.Join(", ", dimension.Values.Select(Show))}.");
            }
            else if (!dimension.Values.Contains(choice.Trim(), StringComparer.Ordinal))
            {
                errors.Add($"\u2018{choice}\u2019 is not a value of \u2018{dimension.Column}\u2019 in this file.");
            }
        }

        return errors;
    }

    private static bool MatchesChoices(DfeTidyTable table, DfeRow row, IReadOnlyDictionary<string, string>? choices) =>
        choices is null || choices.All(c => table.IndexOf(c.Key) < 0 || string.Equals(table.Cell(row, c.Key), c.Value.Trim(), StringComparison.Ordinal));

    private static string? Latest(DfeTidyTable table, List<DfeRow> rows, string column) =>
        rows.Select(r => NonBlank(table.Cell(r, column))).LastOrDefault(v => v is not null);

    private static string NeighbourName(DfeTidyTable table, DfeRow row) =>
        $"{NonBlank(table.Cell(row, DfeTidyTable.LaName)) ?? "LA"} ({table.Cell(row, DfeTidyTable.OldLaCode)})";

    private static string? NonBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Show(string value) => value.Length == 0 ? "(blank)" : $"\u2018{value}\u2019";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
