using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Tests.Rag;

public class DueDateSlippageTests
{
    public static TheoryData<DateOnly?, DateOnly?, int> Dates => new()
    {
        { new(2020, 10, 31), new(2020, 10, 31), 0 },
        { new(2020, 10, 31), new(2021, 1, 31), 92 },
        { new(2020, 10, 31), new(2020, 11, 1), 1 },
        { new(2020, 2, 1), new(2020, 3, 1), 29 }, // a leap February
        { new(2021, 3, 31), new(2021, 3, 1), -30 }, // brought forward
        { null, new(2021, 1, 31), 0 },
        { new(2020, 10, 31), null, 0 },
        { null, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Days_IsFromTheOriginalToTheCurrentDueDate(DateOnly? original, DateOnly? current, int expected)
    {
        Assert.Equal(expected, DueDateSlippage.Days(original, current));
    }
}

public class DueDateSlippageWordingTests
{
    [Theory]
    [InlineData(0, "Not moved")]
    [InlineData(1, "1 day later")]
    [InlineData(13, "13 days later")]
    [InlineData(14, "2 weeks later")]
    [InlineData(-30, "4 weeks earlier")]
    [InlineData(92, "3 months later")]
    [InlineData(365, "12 months later")]
    [InlineData(731, "2 years later")]
    [InlineData(2498, "6 years 10 months later")]
    public void Describe_UsesTheUnitThatSuitsTheSize(int days, string expected) => Assert.Equal(expected, DueDateSlippage.Describe(days));
}
