using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Domain.Tests.Measures.Dfe;

public class DfeCellTests
{
    [Theory]
    [InlineData("22.5", 22.5)]
    [InlineData("632830", 632830)]
    [InlineData(" 14 ", 14)]
    [InlineData("-3.25", -3.25)]
    [InlineData("0", 0)]
    public void Read_Number_GivesTheValue(string raw, double expected)
    {
        var cell = DfeCell.Read(raw);

        Assert.Equal((decimal)expected, cell.Value);
        Assert.Null(cell.Reason);
    }

    [Theory]
    [InlineData("c", "suppressed to protect confidentiality (c)")]
    [InlineData("C", "suppressed to protect confidentiality (c)")]
    [InlineData("x", "not available (x)")]
    [InlineData("z", "not applicable (z)")]
    [InlineData("u", "low reliability (u)")]
    [InlineData("low", "a small figure that rounds to zero (low)")]
    [InlineData(":", "not available (:)")]
    [InlineData("", "blank")]
    [InlineData("   ", "blank")]
    [InlineData("n/a", "not a number (\u2018n/a\u2019)")]
    [InlineData("1,234", "not a number (\u20181,234\u2019)")]
    public void Read_SymbolOrText_GivesNoValueAndTheReasonInWords(string raw, string reason)
    {
        var cell = DfeCell.Read(raw);

        Assert.Null(cell.Value);
        Assert.Equal(reason, cell.Reason);
    }
}
