using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Domain.Tests.Measures.Dfe;

public class DfeTidyTableTests
{
    [Fact]
    public void Read_TidyFile_ListsTheIndicatorColumnsInFileOrder()
    {
        var table = new TidyTableBuilder("category", "children_count", "rate_per_10000")
            .National("2025", "All children", "1200", "x")
            .Council("2025", "E12000005", "332", "E08000027", "Dudley", "All children", "c", "55.1")
            .Table();

        Assert.Equal(["children_count", "rate_per_10000"], table.IndicatorColumns);
        var category = Assert.Single(table.Dimensions);
        Assert.Equal("category", category.Column);
        Assert.False(category.NeedsChoice);
    }

    [Fact]
    public void Read_DimensionWithSeveralValues_NeedsAChoice()
    {
        var table = new TidyTableBuilder("breakdown", "rate")
            .National("2025", "Total", "1")
            .National("2025", "Under 1", "2")
            .Table();

        var breakdown = Assert.Single(table.Dimensions);
        Assert.True(breakdown.NeedsChoice);
        Assert.Equal(["Total", "Under 1"], breakdown.Values);
    }

    [Fact]
    public void Read_MissingRequiredColumns_RefusedNamingThem()
    {
        var header = new[] { "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "la_name", "rate" };

        var reading = DfeTidyTable.Read(header, [new DfeRow(2, ["2025", "Reporting year", "National", "E92000001", "England", "", "", "", "1"])]);

        Assert.False(reading.IsValid);
        var error = Assert.Single(reading.Errors);
        Assert.StartsWith("The file is not in the DfE\u2019s tidy layout: it has no \u2018old_la_code\u2019 or \u2018new_la_code\u2019 columns.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithByteOrderMarkAndOtherCase_IsAccepted()
    {
        var header = DfeTidyTable.RequiredColumns.Select(c => c.ToUpperInvariant()).Append("rate").ToArray();
        header[0] = "\uFEFF" + header[0];

        var reading = DfeTidyTable.Read(header, [new DfeRow(2, ["2025", "Reporting year", "National", "E92000001", "England", "", "", "", "", "", "1"])]);

        Assert.True(reading.IsValid, string.Join(" ", reading.Errors));
        Assert.Equal(["rate"], reading.Table!.IndicatorColumns);
    }

    [Fact]
    public void Read_NoIndicatorColumns_Refused()
    {
        var reading = new TidyTableBuilder("category").National("2025", "All").Read();

        Assert.Equal(["The file has no indicator columns: after the time and geography columns there must be at least one column of figures."], reading.Errors);
    }

    [Fact]
    public void Read_RowWithTooFewValues_RefusedWithItsLine()
    {
        var reading = new TidyTableBuilder("rate")
            .National("2025", "1")
            .Raw("2025", "Reporting year", "National")
            .Read();

        Assert.Equal(["Every row must have as many values as the header has columns (11), but line 3 has 3 values."], reading.Errors);
    }

    [Fact]
    public void Read_HeaderOnly_Refused()
    {
        Assert.Equal(["The file has a header row but no rows of figures."], new TidyTableBuilder("rate").Read().Errors);
    }

    [Fact]
    public void Read_DuplicateColumn_Refused()
    {
        var reading = new TidyTableBuilder("rate", "rate").National("2025", "1", "2").Read();

        Assert.Equal(["The column \u2018rate\u2019 appears more than once in the header row."], reading.Errors);
    }
}
