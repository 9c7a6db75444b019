using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Domain.Tests.Measures.Dfe;

public class DfeComparisonTests
{
    private const string Region = "E12000005";
    private static readonly CouncilCodes Dudley = new("332", "E08000027");

    private static NeighbourGroupings Neighbours(params string[] codes) =>
        NeighbourGroupings.Read(["LA num", .. codes.Select((_, i) => $"SN{i + 1}")], [new DfeRow(2, ["332", .. codes])]).Groupings!;

    private static TidyTableBuilder TwoYears() => new TidyTableBuilder("rate")
        .National("2024", "20.0").National("2025", "22.6")
        .Region("2025", Region, "West Midlands", "19.5")
        .Region("2025", "E12000001", "North East", "30")
        .Council("2024", Region, "332", "E08000027", "Dudley", "21")
        .Council("2025", Region, "332", "E08000027", "Dudley", "22.5")
        .Council("2025", "E12000004", "372", "E08000018", "Rotherham", "19.6")
        .Council("2025", "E12000005", "894", "E06000020", "Telford and Wrekin", "15.8")
        .Council("2025", "E12000001", "887", "E06000035", "Medway", "c")
        .Council("2024", "E12000004", "372", "E08000018", "Rotherham", "18");

    [Fact]
    public void Compute_CouncilRows_AreItsActuals()
    {
        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("rate", Dudley));

        Assert.True(result.IsValid);
        Assert.Equal("Dudley", result.CouncilName);
        Assert.Equal([("Reporting year 2024", 21m), ("Reporting year 2025", 22.5m)], result.Actuals.Select(a => (a.Period.Label, a.Value)));
        Assert.Equal(new DateOnly(2025, 3, 31), result.Actuals[^1].Period.End);
    }

    [Fact]
    public void Compute_CouncilFoundByEitherCode()
    {
        var table = TwoYears().Table();

        var byOld = DfeComparison.Compute(table, new DfeComparisonRequest("rate", new CouncilCodes("332", "")));
        var byNew = DfeComparison.Compute(table, new DfeComparisonRequest("rate", new CouncilCodes("", "e08000027")));

        Assert.Equal(2, byOld.Actuals.Count);
        Assert.Equal(2, byNew.Actuals.Count);
    }

    [Fact]
    public void Compute_NationalRowsAreEngland_AndOnlyTheCouncilsRegionIsTheRegion()
    {
        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("rate", Dudley));

        Assert.Equal(
            [(DfeComparatorKind.England, "England", "Reporting year 2024", 20.0m),
             (DfeComparatorKind.England, "England", "Reporting year 2025", 22.6m),
             (DfeComparatorKind.Region, "West Midlands", "Reporting year 2025", 19.5m)],
            result.Comparators.Select(c => (c.Kind, c.Name, c.Period.Label, c.Value)));
        Assert.Equal("West Midlands", result.RegionName);
    }

    [Fact]
    public void Compute_RegionCodeGiven_OverridesTheCouncilsRows()
    {
        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("rate", Dudley with { RegionCode = "E12000001" }));

        Assert.Contains(result.Comparators, c => c is { Kind: DfeComparatorKind.Region, Name: "North East", Value: 30m });
        Assert.DoesNotContain(result.Comparators, c => c.Name == "West Midlands");
    }

    [Fact]
    public void Compute_NeighboursAverage_LeavesOutSuppressedAndMissingNeighboursAndSaysHowManyItCovers()
    {
        var result = DfeComparison.Compute(TwoYears().Table(),
            new DfeComparisonRequest("rate", Dudley, Neighbours("372", "894", "887", "359")));

        var averages = result.Comparators.Where(c => c.Kind == DfeComparatorKind.StatisticalNeighbours).ToList();
        Assert.Equal(2, averages.Count);
        var latest = averages.Single(a => a.Period.Label == "Reporting year 2025");
        Assert.Equal(17.7m, latest.Value); // (19.6 + 15.8) / 2
        Assert.Equal("covers 2 of 4 neighbours", latest.Coverage);
        var earlier = averages.Single(a => a.Period.Label == "Reporting year 2024");
        Assert.Equal((18m, 1, 4), (earlier.Value, earlier.NeighboursCovered!.Value, earlier.NeighboursInGroup!.Value));

        Assert.Contains(result.Skipped, s => s is { Place: "Medway (887)", Period: "Reporting year 2025" }
            && s.Reason == "Suppressed to protect confidentiality (c); left out of the statistical neighbours\u2019 average.");
        Assert.Contains(result.Skipped, s => s is { LineNumber: null, Place: "LA 359", Period: "Reporting year 2025" });
    }

    [Theory]
    [InlineData(new[] { "19.6", "15.8", "24.8" }, 20.1)] // 20.0666…
    [InlineData(new[] { "1.25", "1.3" }, 1.28)] // 1.275 rounds away from zero at two places
    [InlineData(new[] { "3", "4" }, 4)] // 3.5 at no places
    [InlineData(new[] { "-1.5", "-2" }, -1.8)]
    public void MeanAtPublishedPrecision_RoundsToTheMostPlacesOfTheFigures(string[] values, double expected)
    {
        var figures = values.Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal((decimal)expected, DfeComparison.MeanAtPublishedPrecision(figures));
    }

    [Fact]
    public void Compute_SuppressedCouncilFigure_IsSkippedWithTheReason()
    {
        var table = new TidyTableBuilder("rate")
            .Council("2024", Region, "332", "E08000027", "Dudley", "low")
            .Council("2025", Region, "332", "E08000027", "Dudley", "22.5")
            .Table();

        var result = DfeComparison.Compute(table, new DfeComparisonRequest("rate", Dudley));

        Assert.Single(result.Actuals);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(new DfeSkippedRow(2, "Dudley", "Reporting year 2024", "A small figure that rounds to zero (low)."), skipped);
    }

    [Fact]
    public void Compute_UnreadablePeriod_IsSkippedWithTheReason()
    {
        var table = new TidyTableBuilder("rate")
            .Raw("2025", "Autumn term", "Local authority", "E92000001", "England", Region, "West Midlands", "332", "E08000027", "Dudley", "4")
            .Council("2025", Region, "332", "E08000027", "Dudley", "22.5")
            .Table();

        var result = DfeComparison.Compute(table, new DfeComparisonRequest("rate", Dudley));

        Assert.Single(result.Actuals);
        Assert.Equal("The period could not be read: periods of the kind \u2018Autumn term\u2019 with time_period \u20182025\u2019 are not supported.",
            Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public void Compute_DimensionWithSeveralValues_RefusedUntilOneIsChosen()
    {
        var table = new TidyTableBuilder("breakdown", "rate")
            .National("2025", "Total", "22.6").National("2025", "Under 1", "40")
            .Council("2025", Region, "332", "E08000027", "Dudley", "Total", "22.5")
            .Council("2025", Region, "332", "E08000027", "Dudley", "Under 1", "35")
            .Table();

        var refused = DfeComparison.Compute(table, new DfeComparisonRequest("rate", Dudley));
        var chosen = DfeComparison.Compute(table, new DfeComparisonRequest("rate", Dudley,
            Choices: new Dictionary<string, string> { ["breakdown"] = "Under 1" }));

        Assert.Equal(["Choose which \u2018breakdown\u2019 to import: the file has rows for \u2018Total\u2019, \u2018Under 1\u2019."], refused.Errors);
        Assert.Equal(35m, Assert.Single(chosen.Actuals).Value);
        Assert.Equal(40m, Assert.Single(chosen.Comparators).Value);
    }

    [Fact]
    public void Compute_TwoRowsForOnePlaceAndPeriod_NeitherIsUsed()
    {
        var table = new TidyTableBuilder("rate")
            .Council("2025", Region, "332", "E08000027", "Dudley", "22.5")
            .Council("2025", Region, "332", "E08000027", "Dudley", "23.5")
            .Council("2024", Region, "332", "E08000027", "Dudley", "21")
            .Table();

        var result = DfeComparison.Compute(table, new DfeComparisonRequest("rate", Dudley));

        Assert.Equal("Reporting year 2024", Assert.Single(result.Actuals).Period.Label);
        Assert.Equal([2, 3], result.Skipped.Select(s => s.LineNumber!.Value));
        Assert.All(result.Skipped, s => Assert.StartsWith("More than one row for Dudley in Reporting year 2025 (lines 2, 3)", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_UnknownIndicator_RefusedListingTheOnesOffered()
    {
        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("referral_count", Dudley));

        Assert.Equal(["The file has no indicator column \u2018referral_count\u2019. It offers: rate."], result.Errors);
    }

    [Fact]
    public void Compute_CouncilNotInFile_Refused()
    {
        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("rate", new CouncilCodes("999", "E99999999")));

        Assert.False(result.IsValid);
        Assert.StartsWith("The file has no rows for the council (LA code 999, E99999999).", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CouncilNotInGroupings_Refused()
    {
        var groupings = NeighbourGroupings.Read(["LA num", "SN1"], [new DfeRow(2, ["372", "332"])]).Groupings!;

        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("rate", Dudley, groupings));

        Assert.Equal(["The groupings file has no row for the council\u2019s LA code 332, so its statistical neighbours are not known."], result.Errors);
    }

    [Fact]
    public void Compute_RowsOfOtherPlaces_AreCountedAsNotUsed()
    {
        var result = DfeComparison.Compute(TwoYears().Table(), new DfeComparisonRequest("rate", Dudley));

        // North East, and the four rows of councils that are not neighbours in this request.
        Assert.Equal(5, result.RowsNotUsed);
    }
}
