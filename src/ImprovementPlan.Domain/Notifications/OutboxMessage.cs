namespace ImprovementPlan.Domain.Notifications;

/// <summary>Where an email stands: waiting to be sent (or retried), sent, or given up after too many failures.</summary>
public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One email to one person, written in the same transaction as the change that causes it and sent
/// later by the outbox sender. <see cref="EventKey"/> names the event ("update-approved:42"); with the
/// recipient it is unique, so an event never mails the same person twice.
/// </summary>
public class OutboxMessage
{
    public const int SubjectLimit = 300;
    public const int EventKeyLimit = 200;
    public const int AddressLimit = 256;
    public const int ErrorLimit = 2000;

    private OutboxMessage()
    {
        RecipientAddress = string.Empty;
        RecipientName = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
        HtmlBody = string.Empty;
        EventKey = string.Empty;
    }

    public OutboxMessage(int? planId, string? recipientUserId, string recipientAddress, string recipientName, string subject,
        string textBody, string htmlBody, string eventKey, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        PlanId = planId;
        RecipientUserId = recipientUserId;
        RecipientAddress = recipientAddress;
        RecipientName = recipientName ?? string.Empty;
        Subject = subject.Length > SubjectLimit ? subject[..SubjectLimit] : subject;
        TextBody = textBody ?? string.Empty;
        HtmlBody = htmlBody ?? string.Empty;
        EventKey = eventKey;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public int? PlanId { get; private set; }

    public string? RecipientUserId { get; private set; }

    public string RecipientAddress { get; private set; }

    public string RecipientName { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public string EventKey { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>The sender instance holding the message while it sends it; null when nobody does.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>When the claim lapses: a sender that dies mid-send leaves the message to be claimed again after this.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public DateTime? FailedAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public OutboxState State => SentAtUtc is not null ? OutboxState.Sent : FailedAtUtc is not null ? OutboxState.Failed : OutboxState.Pending;

    /// <summary>Puts a failed message back in the queue, to be tried at once (an administrator's "Retry").</summary>
    public bool Retry(DateTime nowUtc)
    {
        if (State != OutboxState.Failed)
        {
            return false;
        }

        FailedAtUtc = null;
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
        ClaimedBy = null;
        ClaimedUntilUtc = null;
        return true;
    }
}
