using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Domain.Tests.Measures.Dfe;

public class DfePeriodTests
{
    [Theory]
    [InlineData("2025", "Reporting year", "2024-04-01", "2025-03-31", "Reporting year 2025")]
    [InlineData("202425", "Reporting year", "2024-04-01", "2025-03-31", "Reporting year 2024 to 2025")]
    [InlineData("2025", "Calendar year", "2025-01-01", "2025-12-31", "2025")]
    [InlineData("202425", "Financial year", "2024-04-01", "2025-03-31", "Financial year 2024 to 2025")]
    [InlineData("202425", "Academic year", "2024-09-01", "2025-08-31", "Academic year 2024 to 2025")]
    [InlineData("202425", "Tax year", "2024-04-06", "2025-04-05", "Tax year 2024 to 2025")]
    [InlineData("2025", "Calendar year Q1", "2025-01-01", "2025-03-31", "January to March 2025")]
    [InlineData("2025", "Calendar year Q4", "2025-10-01", "2025-12-31", "October to December 2025")]
    [InlineData("202425", "Financial year Q1", "2024-04-01", "2024-06-30", "April to June 2024")]
    [InlineData("202425", "Financial year Q4", "2025-01-01", "2025-03-31", "January to March 2025")]
    [InlineData("2024", "February", "2024-02-01", "2024-02-29", "February 2024")]
    [InlineData("2025", "december", "2025-12-01", "2025-12-31", "December 2025")]
    [InlineData(" 2025 ", " Reporting year ", "2024-04-01", "2025-03-31", "Reporting year 2025")]
    public void Read_KnownKinds_GiveStartEndAndLabel(string timePeriod, string identifier, string start, string end, string label)
    {
        var reading = DfePeriod.Read(timePeriod, identifier);

        Assert.Null(reading.Reason);
        Assert.Equal(new DfePeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), label), reading.Period);
    }

    [Theory]
    [InlineData("", "Reporting year", "the time_period is blank")]
    [InlineData("25", "Reporting year", "the time_period \u201825\u2019 is not a year such as 2025 or 202425")]
    [InlineData("202426", "Financial year", "the time_period \u2018202426\u2019 is not a year such as 2025 or 202425")]
    [InlineData("2025", "Financial year", "a financial year needs a time_period of two years such as 202526, not \u20182025\u2019")]
    [InlineData("202425", "Calendar year", "a calendar year needs a time_period of one year such as 2024, not \u2018202425\u2019")]
    [InlineData("202425", "Autumn term", "periods of the kind \u2018Autumn term\u2019 with time_period \u2018202425\u2019 are not supported")]
    [InlineData("2025", "", "the time_identifier is blank")]
    public void Read_UnreadablePeriod_SaysWhy(string timePeriod, string identifier, string reason)
    {
        var reading = DfePeriod.Read(timePeriod, identifier);

        Assert.Null(reading.Period);
        Assert.Equal(reason, reading.Reason);
    }
}
