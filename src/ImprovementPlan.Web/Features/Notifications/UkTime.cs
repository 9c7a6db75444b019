namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>UK local time for the scheduled jobs (digests go out in the morning, UK time, all year).</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
