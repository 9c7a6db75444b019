using ImprovementPlan.Domain.Plans.Import;

namespace ImprovementPlan.Domain.Tests.Plans.Import;

public sealed class CellDatesTests
{
    [Theory]
    [InlineData("31/03/2021", 2021, 3, 31)]
    [InlineData("1/4/2021", 2021, 4, 1)]
    [InlineData("31 March 2021", 2021, 3, 31)]
    [InlineData("31st March 2021", 2021, 3, 31)]
    [InlineData("2 Dec 2026", 2026, 12, 2)]
    [InlineData("2021-03-31", 2021, 3, 31)]
    public void ReadText_DayTypedTheUkWay_IsThatDay(string text, int year, int month, int day)
    {
        var date = CellDates.ReadText(text, out var error);

        Assert.Null(error);
        Assert.Equal(new CellDate(new DateOnly(year, month, day), null), date);
    }

    [Fact]
    public void ReadText_MonthAlone_IsItsLastDayWithANote()
    {
        var date = CellDates.ReadText("February 2024", out var error);

        Assert.Null(error);
        Assert.Equal(new DateOnly(2024, 2, 29), date!.Date);
        Assert.Equal("“February 2024” read as 29 February 2024, the last day of the month", date.Note);
    }

    [Theory]
    [InlineData("31/02/2021", "31/02/2021 is not a real date")]
    [InlineData("30 February 2021", "30 February 2021 is not a real date")]
    [InlineData("soon", "soon is not a date; use dd/mm/yyyy, such as 31/03/2021")]
    public void ReadText_NotADate_SaysWhy(string text, string expected)
    {
        Assert.Null(CellDates.ReadText(text, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Read_ExcelSerialNumber_IsItsDate()
    {
        var cell = new WorkbookCell(2, 4, CellKind.Number, "44286", 44286, IsDateFormatted: true);

        Assert.Equal(new DateOnly(2021, 3, 31), CellDates.Read(cell, out _)!.Date);
    }
}
