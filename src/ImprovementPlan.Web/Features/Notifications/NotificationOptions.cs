namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>The "Notifications" settings section: when the scheduled emails go out.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Whether this instance runs the scheduled jobs (any instance may; job claims keep them apart).</summary>
    public bool JobsEnabled { get; set; } = true;

    /// <summary>How often the scheduled jobs look for work.</summary>
    public int JobIntervalSeconds { get; set; } = 300;

    /// <summary>The hour (UK time) from which each day's digests are written.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>Working days before a meeting's update deadline on which leads get their reminder.</summary>
    public int ReminderWorkingDaysBeforeDeadline { get; set; } = 2;
}
