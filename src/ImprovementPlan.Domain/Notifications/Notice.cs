namespace ImprovementPlan.Domain.Notifications;

/// <summary>How a person wants notices (an update returned or approved, a due date decided).</summary>
public enum NoticeDelivery
{
    /// <summary>An email for each notice, as it happens.</summary>
    AsTheyHappen = 0,

    /// <summary>One email a day listing the day's notices.</summary>
    DailyDigest = 1,
}

/// <summary>
/// A notice held for someone who chose a daily digest: the day's digest lists it and marks it
/// included. Unique per event and recipient, as outbox messages are.
/// </summary>
public class Notice
{
    public const int TextLimit = 500;

    private Notice()
    {
        RecipientUserId = string.Empty;
        EventKey = string.Empty;
        Text = string.Empty;
        LinkPath = string.Empty;
    }

    public Notice(int? planId, string recipientUserId, string eventKey, string text, string linkPath, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        PlanId = planId;
        RecipientUserId = recipientUserId;
        EventKey = eventKey;
        Text = text.Length > TextLimit ? text[..TextLimit] : text;
        LinkPath = linkPath ?? string.Empty;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public int? PlanId { get; private set; }

    public string RecipientUserId { get; private set; }

    public string EventKey { get; private set; }

    public string Text { get; private set; }

    /// <summary>The app path the notice links to ("/updates/42").</summary>
    public string LinkPath { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When a digest included it; null while it waits.</summary>
    public DateTime? DigestedAtUtc { get; private set; }

    public void MarkDigested(DateTime nowUtc) => DigestedAtUtc ??= nowUtc;
}
