using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Domain.Tests.Measures.Dfe;

public class NeighbourGroupingsTests
{
    private static NeighbourGroupingsReading Read(string[] header, params string[][] rows) =>
        NeighbourGroupings.Read(header, rows.Select((r, i) => new DfeRow(i + 2, r)));

    [Fact]
    public void Read_2021Edition_FindsTheCodeColumnAndTheNumberedNeighboursNotTheirCloseness()
    {
        var reading = Read(
            ["\uFEFFLA num", "LA Name", "LA number", "GOInd", "GOReg", "SN1", "SNP", "SN2", "SNP", "SN3", "SNP", ""],
            ["332", "Dudley", "332", "8", "West Midlands", "372", "Very Close", "894", "Close", "887", "Close", ""],
            ["372", "Rotherham", "372", "5", "Yorkshire", "332", "Very Close", "370", "Close", "371", "Close", ""]);

        var groupings = Assert.IsType<NeighbourGroupings>(reading.Groupings);
        Assert.Equal("LA num", groupings.CouncilColumn);
        Assert.Equal(["SN1", "SN2", "SN3"], groupings.NeighbourColumns);
        Assert.Equal(["372", "894", "887"], groupings.NeighboursOf("332"));
        Assert.Equal("Rotherham", groupings.Names["372"]);
        Assert.Null(groupings.NeighboursOf("999"));
    }

    [Fact]
    public void Read_OtherEditionsColumnNames_FoundByPatternAndContent()
    {
        // Names and codes side by side, neighbours out of order, and the code column last.
        var reading = Read(
            ["la_name", "Statistical neighbour 2 name", "Statistical neighbour 2 code", "SN_1_name", "SN_1_code", "old_la_code"],
            ["Dudley", "Telford and Wrekin", "894", "Rotherham", "372", "332"]);

        var groupings = Assert.IsType<NeighbourGroupings>(reading.Groupings);
        Assert.Equal("old_la_code", groupings.CouncilColumn);
        Assert.Equal(["372", "894"], groupings.NeighboursOf("332"));
    }

    [Fact]
    public void Read_BlankNeighbourCells_AreLeftOut()
    {
        var reading = Read(["LA code", "SN1", "SN2", "SN3"], ["332", "372", "", "887"], ["", "", "", ""]);

        Assert.Equal(["372", "887"], reading.Groupings!.NeighboursOf("332"));
        Assert.Equal(1, reading.Groupings.CouncilCount);
    }

    [Fact]
    public void Read_NoCodeOrNeighbourColumns_RefusedSayingWhatIsExpected()
    {
        var reading = Read(["Council", "Closest", "Next"], ["Dudley", "Rotherham", "Telford"]);

        Assert.False(reading.IsValid);
        Assert.Equal(2, reading.Errors.Count);
        Assert.Contains("no column of council codes", reading.Errors[0], StringComparison.Ordinal);
        Assert.Contains("no neighbour columns", reading.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NeighbourColumnsOfNames_AreNotTakenForCodes()
    {
        var reading = Read(["LA num", "SN1", "SN2"], ["332", "Rotherham", "Telford and Wrekin"]);

        Assert.Contains(reading.Errors, e => e.Contains("no neighbour columns", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CouncilTwice_Refused()
    {
        var reading = Read(["LA num", "SN1"], ["332", "372"], ["332", "894"]);

        Assert.Equal(["The council 332 has more than one row in the groupings file (line 3)."], reading.Errors);
    }
}
