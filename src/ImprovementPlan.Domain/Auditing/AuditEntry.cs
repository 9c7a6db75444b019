namespace ImprovementPlan.Domain.Auditing;

/// <summary>
/// An append-only record of a change or a security event: who, in which role, did what to which
/// record, with the old and new values. Never edited or deleted.
/// </summary>
public class AuditEntry
{
    private AuditEntry()
    {
        EntityType = Operation = string.Empty;
    }

    public AuditEntry(DateTime occurredAtUtc, string? userId, string? userName, string? roles, string entityType,
        string? entityKey, string operation, string? changes, int? planId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        OccurredAtUtc = occurredAtUtc;
        UserId = userId;
        UserName = userName;
        Roles = roles;
        EntityType = entityType;
        EntityKey = entityKey;
        Operation = operation;
        Changes = changes;
        PlanId = planId;
    }

    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string? UserId { get; private set; }

    public string? UserName { get; private set; }

    public string? Roles { get; private set; }

    /// <summary>The kind of record, e.g. "Action", or "Security" for sign-in events.</summary>
    public string EntityType { get; private set; }

    /// <summary>The record's key as users know it, e.g. "QP21".</summary>
    public string? EntityKey { get; private set; }

    /// <summary>Created, Updated, Deleted, or an event name such as SignInFailed.</summary>
    public string Operation { get; private set; }

    /// <summary>JSON array of { field, old, new }.</summary>
    public string? Changes { get; private set; }

    /// <summary>
    /// The plan the record belongs to, for records that belong to one (actions, priorities, due date
    /// changes...); null for security events, users and entries written before plans were recorded.
    /// A key such as "QP21" is unique only within its plan.
    /// </summary>
    public int? PlanId { get; private set; }
}
