namespace ImprovementPlan.Domain.Notifications;

/// <summary>When a message that failed is tried again: the delay doubles with each attempt, up to a ceiling, and stops after the last attempt.</summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan MaximumDelay, int MaxAttempts)
{
    /// <summary>The delay after the given number of failed attempts (1 for the first failure), or null when it should be given up.</summary>
    public TimeSpan? DelayAfter(int failedAttempts)
    {
        if (failedAttempts >= MaxAttempts)
        {
            return null;
        }

        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = FirstDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaximumDelay.Ticks ? MaximumDelay : TimeSpan.FromTicks((long)ticks);
    }
}
