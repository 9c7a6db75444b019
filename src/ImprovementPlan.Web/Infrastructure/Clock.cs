namespace ImprovementPlan.Web.Infrastructure;

/// <summary>The council's time zone: dates and times are stored in UTC and shown in UK time.</summary>
public static class Clock
{
    public static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today's date in the council's time zone (UK), from the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UkTime).DateTime);
    }

    /// <summary>A stored UTC time as UK local time, for display.</summary>
    public static DateTime ToUkTime(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
}
