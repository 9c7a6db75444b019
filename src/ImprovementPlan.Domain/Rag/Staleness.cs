namespace ImprovementPlan.Domain.Rag;

/// <summary>Flags incomplete actions that have gone longer than the review cycle without an approved update.</summary>
public static class Staleness
{
    public static bool IsStale(DateOnly? lastApprovedUpdateOn, bool isComplete, DateOnly today, RagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        if (isComplete)
        {
            return false;
        }

        return DaysSinceUpdate(lastApprovedUpdateOn, today) is not { } days || days > settings.ReviewCycleDays;
    }

    /// <summary>Whole days from the last approved update to today; null when there has never been one.</summary>
    public static int? DaysSinceUpdate(DateOnly? lastApprovedUpdateOn, DateOnly today) =>
        lastApprovedUpdateOn is { } last ? today.DayNumber - last.DayNumber : null;
}
