namespace ImprovementPlan.Domain.Rag;

/// <summary>Rates whether an action is being delivered on time.</summary>
public static class ActionDeliveryRag
{
    /// <summary>Applies the delivery rules in order, first match wins, then any override set by the Service Director.</summary>
    public static DeliveryRating Rate(ActionDeliveryFacts facts, DateOnly today, RagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);

        var (computed, reason) = Compute(facts, today, settings);

        return facts.OverrideRag is { } overrideRag
            ? new DeliveryRating(overrideRag, computed, IsOverridden: true, OverrideReason(facts.OverrideReason))
            : new DeliveryRating(computed, computed, IsOverridden: false, reason);
    }

    private static (Rag Rag, string Reason) Compute(ActionDeliveryFacts facts, DateOnly today, RagSettings settings)
    {
        if (facts.IsComplete && facts.IsEmbeddedConfirmed)
        {
            return (Rag.Blue, "Complete and embedded, confirmed by the Service Director");
        }

        if (facts.IsComplete)
        {
            // A late completion is still Green: the date rules below only judge work that is outstanding.
            return (Rag.Green, "Complete");
        }

        if (facts.DueDate is { } overdue && overdue < today)
        {
            return (Rag.Red, $"Past its due date of {RagText.Date(overdue)} and not complete");
        }

        if (facts.ProposedRag == Rag.Red)
        {
            return (Rag.Red, "Red was proposed in the latest approved update");
        }

        if (facts.DueDate is { } due
            && due <= today.AddDays(settings.DueSoonDays)
            && !HasRecentApprovedUpdate(facts.LastApprovedUpdateOn, today, settings))
        {
            return (Rag.Amber,
                $"Due by {RagText.Date(due)} with no approved update in the last {RagText.Days(settings.RecentUpdateDays)}");
        }

        if (facts.ProposedRag == Rag.Amber)
        {
            return (Rag.Amber, "Amber was proposed in the latest approved update");
        }

        return (Rag.Green, "On track");
    }

    private static bool HasRecentApprovedUpdate(DateOnly? lastApprovedUpdateOn, DateOnly today, RagSettings settings) =>
        lastApprovedUpdateOn is { } last && last >= today.AddDays(-settings.RecentUpdateDays);

    private static string OverrideReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? "Set by the Service Director"
            : $"Set by the Service Director: {reason.Trim()}";
}
