using System.Text.Json;
using ImprovementPlan.Domain.Auditing;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Audit;

/// <summary>Reads the audit trail, newest first, filtered and paged. It never changes an entry.</summary>
public sealed class AuditLogQuery(ImprovementPlanDbContext db)
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.Ordinal)
    {
        ["UserRole"] = "User role",
        ["Security"] = "Security event",
        ["DueDateChange"] = "Due date change",
        ["ProgressUpdate"] = "Progress update",
        ["PublishedReport"] = "Published report",
        ["ReportSection"] = "Report section",
        ["SourceReview"] = "Source review",
        ["MeasureTarget"] = "Measure target",
        ["MeasureActual"] = "Measure actual",
        ["MeasureComparator"] = "Measure comparator",
        ["RatingDecision"] = "Service Director’s ratings",
        ["Report"] = "Report",
    };

    private static readonly Dictionary<string, string> OperationNames = new(StringComparer.Ordinal)
    {
        ["Added"] = "Created",
        ["Modified"] = "Changed",
        ["Deleted"] = "Deleted",
        ["SignedIn"] = "Signed in",
        ["SignInFailed"] = "Sign-in failed",
        ["LockedOut"] = "Locked out",
        ["SignedOut"] = "Signed out",
        ["AccessDenied"] = "Refused (no permission)",
        ["AntiforgeryRejected"] = "Refused (form token missing or wrong)",
        ["UploadRejected"] = "Upload refused",
    };

    public async Task<AuditLogPage> RunAsync(AuditFilter filter, ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(modelState);
        var query = db.AuditEntries.AsNoTracking();

        if (Clean(filter.User) is { } who)
        {
            var pattern = LikePattern(who);
            var ids = await db.Users.AsNoTracking()
                .Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\") || EF.Functions.Like(u.Email!, pattern, "\\"))
                .Select(u => u.Id).ToListAsync(ct);
            query = query.Where(e => (e.UserId != null && ids.Contains(e.UserId)) || EF.Functions.Like(e.UserName!, pattern, "\\"));
        }

        var type = Clean(filter.EntityType);
        if (type is not null)
        {
            query = query.Where(e => e.EntityType == type);
        }
        else if (!filter.ShowSecurityEvents)
        {
            query = query.Where(e => e.EntityType != "Security");
        }

        if (Clean(filter.Key) is { } key)
        {
            query = await KeyFilterAsync(query, type, key, ct);
        }

        if (Clean(filter.Operation) is { } operation)
        {
            query = query.Where(e => e.Operation == operation);
        }

        var from = Date(filter.From, nameof(AuditFilter.From), "the start date", modelState);
        var to = Date(filter.To, nameof(AuditFilter.To), "the end date", modelState);
        if (from is not null && to is not null && to < from)
        {
            modelState.AddModelError(nameof(AuditFilter.To), "The end date must be the same as or after the start date");
        }
        else
        {
            if (from is { } start)
            {
                var startUtc = UtcStartOf(start);
                query = query.Where(e => e.OccurredAtUtc >= startUtc);
            }

            if (to is { } end)
            {
                var endUtc = UtcStartOf(end.AddDays(1));
                query = query.Where(e => e.OccurredAtUtc < endUtc);
            }
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var parsed = entries.ToDictionary(e => e.Id, e => Parse(e.Changes));
        // Values of fields that hold a user id (the lead, an author) are shown as the person's name.
        var userIds = entries.Select(e => e.UserId).Concat(entries.Where(e => e.EntityType == "UserRole").Select(e => UserRoleKey(e.EntityKey).UserId))
            .Concat(parsed.Values.SelectMany(c => c).Where(c => c.Field.EndsWith("UserId", StringComparison.Ordinal)).SelectMany(c => new[] { c.Old, c.New }))
            .OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), ct);
        var names = people.ToDictionary(p => p.Key, p => string.IsNullOrWhiteSpace(p.Value.DisplayName) ? p.Value.Email ?? p.Key : p.Value.DisplayName);
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);

        var types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(ct);
        var operations = await db.AuditEntries.AsNoTracking().Select(e => e.Operation).Distinct().ToListAsync(ct);

        return new AuditLogPage(
            [.. entries.Select(e => Row(e, parsed[e.Id], people, names, roles))],
            page,
            pageCount,
            total,
            [new SelectListItem("Any record", ""), .. types.Order(StringComparer.Ordinal).Select(t => new SelectListItem(TypeName(t), t))],
            [new SelectListItem("Any operation", ""), .. operations.Order(StringComparer.Ordinal).Select(o => new SelectListItem(OperationNames.GetValueOrDefault(o, o), o))]);
    }

    /// <summary>A user role's key is "user id/role id"; an email address typed as the key finds that user's role changes.</summary>
    private async Task<IQueryable<AuditEntry>> KeyFilterAsync(IQueryable<AuditEntry> query, string? type, string key, CancellationToken ct)
    {
        if (type == "UserRole" && key.Contains('@', StringComparison.Ordinal))
        {
            var normalised = key.ToUpperInvariant();
            var userId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
            var prefix = (userId ?? "(none)") + "/";
            return query.Where(e => e.EntityKey != null && e.EntityKey.StartsWith(prefix));
        }

        return query.Where(e => EF.Functions.Like(e.EntityKey!, LikePattern(key), "\\"));
    }

    private static AuditRow Row(AuditEntry entry, List<AuditChange> stored, Dictionary<string, (string DisplayName, string? Email)> people,
        Dictionary<string, string> names, Dictionary<string, string> roles)
    {
        var (who, email) = entry.UserId is not null && people.TryGetValue(entry.UserId, out var person)
            ? (person.DisplayName, person.Email)
            : (entry.UserName ?? (entry.EntityType == "Security" ? "Unknown user" : "System"), null);
        var roleNames = string.IsNullOrEmpty(entry.Roles)
            ? null
            : string.Join(", ", entry.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Roles.DisplayName));

        string record;
        string? link = null;
        var operation = OperationNames.GetValueOrDefault(entry.Operation, entry.Operation);
        var changes = stored
            .Select(c => new AuditChange(AuditText.Label(c.Field), AuditText.Value(c.Field, c.Old, names), AuditText.Value(c.Field, c.New, names)))
            .ToList();
        switch (entry.EntityType)
        {
            case "UserRole":
                var (userId, roleId) = UserRoleKey(entry.EntityKey);
                var member = userId is not null && people.TryGetValue(userId, out var p) ? p.Email ?? p.DisplayName : "a user";
                var role = roleId is not null && roles.TryGetValue(roleId, out var r) ? Roles.DisplayName(r) : "a role";
                record = $"Role of {member}: {role}";
                link = userId is null ? null : $"/admin/users/{userId}";
                operation = entry.Operation switch
                {
                    "Added" => "Role added",
                    "Deleted" => "Role removed",
                    _ => operation,
                };
                changes = [];
                break;
            case "Security":
                record = $"Account {entry.EntityKey}".TrimEnd();
                changes = [.. changes.Select(c => c.Field == "Detail" ? c with { Field = "What was asked" } : c)];
                break;
            case "Action":
                record = $"Action {entry.EntityKey}";
                link = entry.EntityKey is null ? null : $"/actions/{Uri.EscapeDataString(entry.EntityKey)}";
                break;
            default:
                record = $"{TypeName(entry.EntityType)} {entry.EntityKey}".TrimEnd();
                break;
        }

        return new AuditRow(entry.Id, AuditText.When(entry.OccurredAtUtc), who, email, roleNames, record, link, operation, changes);
    }

    private static (string? UserId, string? RoleId) UserRoleKey(string? key)
    {
        var parts = key?.Split('/', 2);
        return parts is [var user, var role] ? (user, role) : (null, null);
    }

    private static List<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return
            [
                .. document.RootElement.EnumerateArray().Select(c => new AuditChange(
                    Text(c, "Field") ?? "?", Text(c, "Old"), Text(c, "New"))),
            ];
        }
        catch (JsonException)
        {
            return [new AuditChange("Changes", null, json)];
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    private static string TypeName(string type) => TypeNames.GetValueOrDefault(type, type);

    private static DateOnly? Date(DateParts parts, string field, string what, ModelStateDictionary modelState)
    {
        if (parts.IsEmpty)
        {
            return null;
        }

        var (date, error) = parts.Parse(what);
        if (error is not null)
        {
            modelState.AddModelError(field, error);
        }

        return date;
    }

    private static DateTime UtcStartOf(DateOnly ukDate) =>
        TimeZoneInfo.ConvertTimeToUtc(ukDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Clock.UkTime);

    private static string LikePattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
