using System.Text.Json;
using ImprovementPlan.Domain.Auditing;
using ImprovementPlan.Web.Data;

namespace ImprovementPlan.Web.Auditing;

/// <summary>Writes security events (sign-ins, failures, lockouts, denials) to the audit trail.</summary>
public sealed partial class SecurityEvents(ImprovementPlanDbContext db, TimeProvider clock, ILogger<SecurityEvents> logger)
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string UploadRejected = "UploadRejected";
    public const string AccessDenied = "AccessDenied";
    public const string AntiforgeryRejected = "AntiforgeryRejected";

    public Task RecordAsync(string eventName, string? userId, string? userName, CancellationToken cancellationToken = default) =>
        RecordAsync(eventName, userId, userName, detail: null, cancellationToken);

    /// <summary>Records the event with a detail (e.g. the refused request) shown in the audit log.</summary>
    public async Task RecordAsync(string eventName, string? userId, string? userName, string? detail, CancellationToken cancellationToken = default)
    {
        // The log carries the event and the user id only: no email addresses in logs.
        LogEvent(logger, eventName, userId ?? "(unknown)");
        var changes = detail is null ? null : JsonSerializer.Serialize(new[] { new { Field = "Detail", Old = (string?)null, New = detail } });
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, userId, userName, null, "Security", userName, eventName, changes));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Security event {SecurityEvent} for user {UserId}")]
    private static partial void LogEvent(ILogger logger, string securityEvent, string userId);
}
