namespace ImprovementPlan.Domain.Meetings;

/// <summary>
/// Counts working days: Monday to Friday, less the bank holidays it is given. Meetings use it for the
/// update deadline, five working days before the meeting unless the meeting says otherwise.
/// </summary>
public sealed class WorkingDays
{
    /// <summary>How many working days before a meeting its update deadline falls, unless overridden.</summary>
    public const int DefaultDeadlineLead = 5;

    private readonly HashSet<DateOnly> _bankHolidays;

    public WorkingDays(IEnumerable<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        _bankHolidays = [.. bankHolidays];
    }

    /// <summary>Weekends only: for tests and for a council that configures no bank holidays.</summary>
    public static WorkingDays WeekendsOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(date);

    /// <summary>The working day that lies <paramref name="count"/> working days before <paramref name="date"/>.</summary>
    public DateOnly Before(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = date;
        var left = count;
        while (left > 0)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>The default update deadline for a meeting on <paramref name="meetingDate"/>.</summary>
    public DateOnly DeadlineFor(DateOnly meetingDate) => Before(meetingDate, DefaultDeadlineLead);
}
