namespace ImprovementPlan.Domain.Meetings;

/// <summary>
/// The dates of coming meetings, from a rule: every <c>N</c> weeks on a weekday from a start date until an
/// end date (the first meeting is the first such weekday on or after the start), or a list of dates.
/// </summary>
public abstract record MeetingSchedule
{
    /// <summary>The longest run a schedule may produce, so a mistyped end date cannot create thousands of meetings.</summary>
    public const int MaximumMeetings = 100;

    public abstract IReadOnlyList<DateOnly> Dates();

    public static MeetingSchedule Every(int weeks, DayOfWeek weekday, DateOnly from, DateOnly until) =>
        new Recurring(weeks, weekday, from, until);

    public static MeetingSchedule OnDates(IEnumerable<DateOnly> dates) => new Listed([.. dates]);

    public sealed record Recurring(int Weeks, DayOfWeek Weekday, DateOnly From, DateOnly Until) : MeetingSchedule
    {
        public override IReadOnlyList<DateOnly> Dates()
        {
            if (Weeks < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Weeks), "A schedule repeats every week or more.");
            }

            var first = From.AddDays(((int)Weekday - (int)From.DayOfWeek + 7) % 7);
            var dates = new List<DateOnly>();
            for (var date = first; date <= Until; date = date.AddDays(7 * Weeks))
            {
                if (dates.Count == MaximumMeetings)
                {
                    throw new ArgumentOutOfRangeException(nameof(Until), $"A schedule makes at most {MaximumMeetings} meetings.");
                }

                dates.Add(date);
            }

            return dates;
        }
    }

    public sealed record Listed(IReadOnlyList<DateOnly> Given) : MeetingSchedule
    {
        public override IReadOnlyList<DateOnly> Dates()
        {
            var dates = Given.Distinct().Order().ToList();
            return dates.Count > MaximumMeetings
                ? throw new ArgumentOutOfRangeException(nameof(Given), $"A schedule makes at most {MaximumMeetings} meetings.")
                : dates;
        }
    }
}
