using System.Globalization;

namespace ImprovementPlan.Domain.Measures.Dfe;

/// <summary>The period a DfE row is about: its first and last day and how it is named.</summary>
public sealed record DfePeriod(DateOnly Start, DateOnly End, string Label)
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>
    /// Turns a row's <c>time_period</c> (2025, or 202425 for a year spanning two) and
    /// <c>time_identifier</c> ("Reporting year", "Financial year Q2", "March" …) into a period,
    /// or says why it cannot.
    /// </summary>
    public static DfePeriodReading Read(string? timePeriod, string? timeIdentifier)
    {
        var period = (timePeriod ?? string.Empty).Trim();
        var identifier = (timeIdentifier ?? string.Empty).Trim();
        if (period.Length == 0)
        {
            return Fail("the time_period is blank");
        }

        if (!TryYears(period, out var year, out var spansTwoYears))
        {
            return Fail($"the time_period \u2018{period}\u2019 is not a year such as 2025 or 202425");
        }

        var kind = identifier.ToUpperInvariant();
        return kind switch
        {
            "CALENDAR YEAR" when !spansTwoYears => Ok(new(year, 1, 1), new(year, 12, 31), $"{year}"),
            "REPORTING YEAR" when !spansTwoYears => Ok(new(year - 1, 4, 1), new(year, 3, 31), $"Reporting year {year}"),
            "REPORTING YEAR" => Ok(new(year, 4, 1), new(year + 1, 3, 31), $"Reporting year {year} to {year + 1}"),
            "FINANCIAL YEAR" when spansTwoYears => Ok(new(year, 4, 1), new(year + 1, 3, 31), $"Financial year {year} to {year + 1}"),
            "ACADEMIC YEAR" when spansTwoYears => Ok(new(year, 9, 1), new(year + 1, 8, 31), $"Academic year {year} to {year + 1}"),
            "TAX YEAR" when spansTwoYears => Ok(new(year, 4, 6), new(year + 1, 4, 5), $"Tax year {year} to {year + 1}"),
            "FINANCIAL YEAR" or "ACADEMIC YEAR" or "TAX YEAR" =>
                Fail($"a {identifier.ToLowerInvariant()} needs a time_period of two years such as {year}{(year + 1) % 100:00}, not \u2018{period}\u2019"),
            "CALENDAR YEAR" => Fail($"a calendar year needs a time_period of one year such as {year}, not \u2018{period}\u2019"),
            _ when Quarter(kind, "CALENDAR YEAR Q") is { } q && !spansTwoYears => QuarterOf(new DateOnly(year, 1, 1), q),
            _ when Quarter(kind, "FINANCIAL YEAR Q") is { } q && spansTwoYears => QuarterOf(new DateOnly(year, 4, 1), q),
            _ when Month(identifier) is { } m && !spansTwoYears => MonthOf(year, m),
            _ => Fail(identifier.Length == 0
                ? "the time_identifier is blank"
                : $"periods of the kind \u2018{identifier}\u2019 with time_period \u2018{period}\u2019 are not supported"),
        };
    }

    private static bool TryYears(string period, out int year, out bool spansTwoYears)
    {
        year = 0;
        spansTwoYears = false;
        if (!period.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (period.Length == 4)
        {
            year = int.Parse(period, CultureInfo.InvariantCulture);
            return year is >= 1900 and <= 2999;
        }

        if (period.Length == 6)
        {
            year = int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);
            var next = int.Parse(period.AsSpan(4, 2), CultureInfo.InvariantCulture);
            spansTwoYears = true;
            return year is >= 1900 and <= 2999 && next == (year + 1) % 100;
        }

        return false;
    }

    private static int? Quarter(string kind, string prefix) =>
        kind.StartsWith(prefix, StringComparison.Ordinal) && kind.Length == prefix.Length + 1
            && kind[^1] is >= '1' and <= '4'
            ? kind[^1] - '0'
            : null;

    private static int? Month(string identifier)
    {
        var index = Array.FindIndex(Months, m => string.Equals(m, identifier, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    private static DfePeriodReading QuarterOf(DateOnly yearStart, int quarter)
    {
        var start = yearStart.AddMonths((quarter - 1) * 3);
        var end = start.AddMonths(3).AddDays(-1);
        return Ok(start, end, $"{Months[start.Month - 1]} to {Months[end.Month - 1]} {end.Year}");
    }

    private static DfePeriodReading MonthOf(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return Ok(start, start.AddMonths(1).AddDays(-1), $"{Months[month - 1]} {year}");
    }

    private static DfePeriodReading Ok(DateOnly start, DateOnly end, string label) => new(new DfePeriod(start, end, label), null);

    private static DfePeriodReading Fail(string reason) => new(null, reason);
}

/// <summary>A period read from a row, or the reason it could not be read.</summary>
public sealed record DfePeriodReading(DfePeriod? Period, string? Reason);
