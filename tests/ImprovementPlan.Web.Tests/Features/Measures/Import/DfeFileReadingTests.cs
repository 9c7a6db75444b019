using System.Globalization;
using System.Text;
using ImprovementPlan.Domain.Measures.Dfe;
using ImprovementPlan.Web.Features.Measures.Import;

namespace ImprovementPlan.Web.Tests.Features.Measures.Import;

/// <summary>The DfE's real files read and compared for Dudley; no database. The import's web flow has its own tests.</summary>
public class DfeFileReadingTests
{
    private static readonly CouncilCodes Dudley = new("332", "E08000027");

    private static DfeTidyTable Referrals()
    {
        using var stream = File.OpenRead(PublishedFiles.ReferralsPath);
        var reading = DfeCsvReader.ReadTidyFile(stream);
        Assert.True(reading.IsValid, string.Join(" ", reading.Errors));
        return reading.Table!;
    }

    private static NeighbourGroupings Groupings()
    {
        using var stream = File.OpenRead(PublishedFiles.GroupingsPath);
        var reading = DfeCsvReader.ReadGroupings(stream);
        Assert.True(reading.IsValid, string.Join(" ", reading.Errors));
        return reading.Groupings!;
    }

    private static DfeComparisonResult Compare(string indicator) =>
        DfeComparison.Compute(Referrals(), new DfeComparisonRequest(indicator, Dudley, Groupings()));

    [Fact]
    public void ReadTidyFile_ReferralsFile_OffersEveryColumnAfterCategoryAsAnIndicator()
    {
        var header = PublishedFiles.Header(PublishedFiles.ReferralsPath);
        var expected = header[(Array.IndexOf(header, "category") + 1)..];

        var table = Referrals();

        Assert.Equal(expected, table.IndicatorColumns);
        Assert.Contains("rereferral_percent", table.IndicatorColumns);
        Assert.Equal(PublishedFiles.Rows(PublishedFiles.ReferralsPath).Count, table.Rows.Count);
        Assert.Equal("category", Assert.Single(table.Dimensions).Column);
    }

    [Fact]
    public void Compute_DudleyRereferrals2025_Is22Point5AgainstEngland22Point6()
    {
        var result = Compare("rereferral_percent");

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal("Dudley", result.CouncilName);
        Assert.Equal(22.5m, result.Actuals.Single(a => a.Period.Label == "Reporting year 2025").Value);
        Assert.Equal(22.6m, result.Comparators.Single(c => c is { Kind: DfeComparatorKind.England, Period.Label: "Reporting year 2025" }).Value);
    }

    [Fact]
    public void Compute_DudleyRereferrals_WestMidlandsIsTheRegionRowOfEachYear()
    {
        var rows = PublishedFiles.Rows(PublishedFiles.ReferralsPath);

        var result = Compare("rereferral_percent");

        Assert.Equal("West Midlands", result.RegionName);
        var regional = result.Comparators.Where(c => c.Kind == DfeComparatorKind.Region).ToList();
        Assert.Equal(13, regional.Count);
        foreach (var figure in regional)
        {
            var year = figure.Period.End.Year.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(PublishedFiles.Value(rows, "Regional", year, "region_code", "E12000005", "rereferral_percent"), figure.Value);
        }

        Assert.Equal(19.5m, regional.Single(c => c.Period.Label == "Reporting year 2025").Value);
    }

    [Fact]
    public void Compute_DudleyRereferrals2025_NeighboursAverageIsTheMeanOfItsTenNeighboursRows()
    {
        var rows = PublishedFiles.Rows(PublishedFiles.ReferralsPath);
        var neighbours = PublishedFiles.NeighboursOf("332");
        var values = neighbours.Select(code => PublishedFiles.Value(rows, "Local authority", "2025", "old_la_code", code, "rereferral_percent")).ToList();
        Assert.Equal(10, values.Count(v => v.HasValue));
        var expected = Math.Round(values.Sum(v => v!.Value) / 10m, 1, MidpointRounding.AwayFromZero);

        var average = Compare("rereferral_percent").Comparators
            .Single(c => c is { Kind: DfeComparatorKind.StatisticalNeighbours, Period.Label: "Reporting year 2025" });

        Assert.Equal(expected, average.Value);
        Assert.Equal((10, 10), (average.NeighboursCovered!.Value, average.NeighboursInGroup!.Value));
        Assert.Equal(neighbours.Count, average.LineNumbers.Count);
    }

    [Fact]
    public void Compute_DudleyNoFurtherAction2021_OneNeighbourSuppressed_AveragesTheOtherNineAndSaysWhy()
    {
        var rows = PublishedFiles.Rows(PublishedFiles.ReferralsPath);
        var neighbours = PublishedFiles.NeighboursOf("332");
        var values = neighbours.ToDictionary(code => code,
            code => PublishedFiles.Value(rows, "Local authority", "2021", "old_la_code", code, "no_further_action_percent"));
        var suppressed = Assert.Single(values, v => v.Value is null).Key;
        var published = values.Values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        var expected = Math.Round(published.Sum() / published.Count, 1, MidpointRounding.AwayFromZero);

        var result = Compare("no_further_action_percent");

        var average = result.Comparators.Single(c => c is { Kind: DfeComparatorKind.StatisticalNeighbours, Period.Label: "Reporting year 2021" });
        Assert.Equal(expected, average.Value);
        Assert.Equal("covers 9 of 10 neighbours", average.Coverage);
        var name = rows.First(r => r["old_la_code"] == suppressed)["la_name"];
        var skipped = Assert.Single(result.Skipped, s => s.Period == "Reporting year 2021");
        Assert.Equal($"{name} ({suppressed})", skipped.Place);
        Assert.Equal("Suppressed to protect confidentiality (c); left out of the statistical neighbours\u2019 average.", skipped.Reason);
    }

    [Fact]
    public void Compute_DudleyRereferrals_EveryYearOfItsRowsIsAnActual()
    {
        var dudleyRows = PublishedFiles.Rows(PublishedFiles.ReferralsPath).Where(r => r["new_la_code"] == "E08000027").ToList();

        var result = Compare("rereferral_percent");

        Assert.Equal(dudleyRows.Select(r => "Reporting year " + r["time_period"]).Order(), result.Actuals.Select(a => a.Period.Label).Order());
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void ReadTidyFile_GroupingsFileInstead_RefusedNamingTheMissingColumns()
    {
        using var stream = File.OpenRead(PublishedFiles.GroupingsPath);

        var reading = DfeCsvReader.ReadTidyFile(stream);

        Assert.False(reading.IsValid);
        Assert.StartsWith("The file is not in the DfE\u2019s tidy layout: it has no \u2018time_period\u2019, \u2018time_identifier\u2019,",
            Assert.Single(reading.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadGroupings_ReferralsFileInstead_Refused()
    {
        using var stream = File.OpenRead(PublishedFiles.ReferralsPath);

        var reading = DfeCsvReader.ReadGroupings(stream);

        Assert.False(reading.IsValid);
        Assert.Contains(reading.Errors, e => e.Contains("no neighbour columns", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadTidyFile_NotCsv_RefusedWithAMessage()
    {
        using var stream = new MemoryStream("time_period,\"time_identifier\n2025,\"x\"y\",z\n"u8.ToArray());

        var reading = DfeCsvReader.ReadTidyFile(stream);

        Assert.False(reading.IsValid);
        Assert.StartsWith("The file could not be read as CSV", Assert.Single(reading.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AnotherFileInTheLayout_OtherIndicatorExtraColumnsAndFinancialYears()
    {
        // Nothing here is in the shipped files: other columns in another order, a breakdown to choose,
        // a quoted name with a comma, financial years, invented councils and a groupings edition with other names.
        var tidy = """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown,cla_rate_per_10000,cla_count,data_note
            202324,Financial year,National,E92000001,England,,,,,,Total,70.1,83840,
            202425,Financial year,National,E92000001,England,,,,,,Total,69.8,83630,
            202425,Financial year,National,E92000001,England,,,,,,Under 5,40.2,20000,
            202425,Financial year,Regional,E92000001,England,E12000009,South West,,,,Total,61.0,7000,
            202425,Financial year,Local authority,E92000001,England,E12000009,South West,E06000099,901,"Avon, North",Total,75.5,500,
            202425,Financial year,Local authority,E92000001,England,E12000009,South West,E06000099,901,"Avon, North",Under 5,50,100,
            202324,Financial year,Local authority,E92000001,England,E12000009,South West,E06000099,901,"Avon, North",Total,c,c,
            202425,Financial year,Local authority,E92000001,England,E12000008,South East,E06000098,902,Wessex,Total,80.25,300,
            202425,Financial year,Local authority,E92000001,England,E12000008,South East,E06000097,903,Mercia,Total,x,x,
            202425,Financial year,Local authority,E92000001,England,E12000008,South East,E06000096,904,Anglia,Total,60,200,
            """;
        var groupings = """
            la_name,old_la_code,SN_1_name,SN_1_code,SN_2_name,SN_2_code,SN_3_name,SN_3_code
            "Avon, North",901,Wessex,902,Mercia,903,Anglia,904
            """;
        var table = DfeCsvReader.ReadTidyFile(new MemoryStream(Encoding.UTF8.GetBytes(tidy))).Table!;
        var neighbours = DfeCsvReader.ReadGroupings(new MemoryStream(Encoding.UTF8.GetBytes(groupings))).Groupings!;

        var refused = DfeComparison.Compute(table, new DfeComparisonRequest("cla_rate_per_10000", new CouncilCodes("901", "E06000099"), neighbours));
        var result = DfeComparison.Compute(table, new DfeComparisonRequest("cla_rate_per_10000", new CouncilCodes("901", "E06000099"), neighbours,
            new Dictionary<string, string> { ["breakdown"] = "Total" }));

        Assert.Equal(["cla_rate_per_10000", "cla_count"], table.IndicatorColumns);
        Assert.Contains("Choose which \u2018breakdown\u2019 to import", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal("Avon, North", result.CouncilName);
        var actual = Assert.Single(result.Actuals);
        Assert.Equal((75.5m, "Financial year 2024 to 2025", new DateOnly(2025, 3, 31)), (actual.Value, actual.Period.Label, actual.Period.End));
        Assert.Equal(
            [(DfeComparatorKind.England, "Financial year 2023 to 2024", 70.1m, (string?)null),
             (DfeComparatorKind.England, "Financial year 2024 to 2025", 69.8m, null),
             (DfeComparatorKind.Region, "Financial year 2024 to 2025", 61.0m, null),
             (DfeComparatorKind.StatisticalNeighbours, "Financial year 2024 to 2025", 70.13m, "covers 2 of 3 neighbours")],
            result.Comparators.Select(c => (c.Kind, c.Period.Label, c.Value, c.Coverage)));
        Assert.Contains(result.Skipped, s => s is { Place: "Avon, North", Period: "Financial year 2023 to 2024" } && s.Reason.StartsWith("Suppressed", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s is { Place: "Mercia (903)", Period: "Financial year 2024 to 2025" } && s.Reason.StartsWith("Not available (x)", StringComparison.Ordinal));
    }
}
