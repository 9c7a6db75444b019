using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ImprovementPlan.Web.Features.Audit;

/// <summary>The audit log's filters, read from the query string.</summary>
public sealed class AuditFilter
{
    public string? User { get; set; }

    public string? EntityType { get; set; }

    public string? Key { get; set; }

    public string? Operation { get; set; }

    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    /// <summary>Sign-ins and other security events are hidden unless asked for, so changes to the plan are not drowned.</summary>
    public bool ShowSecurityEvents { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>What the page shows (never bound).</summary>
    [BindNever]
    public AuditLogPage? Result { get; set; }
}

/// <summary>One page of audit entries, with the choices the filter offers.</summary>
public sealed record AuditLogPage(
    IReadOnlyList<AuditRow> Rows,
    int Page,
    int PageCount,
    int Total,
    IReadOnlyList<SelectListItem> EntityTypes,
    IReadOnlyList<SelectListItem> Operations);

/// <summary>An audit entry as people read it.</summary>
public sealed record AuditRow(
    long Id,
    string When,
    string Who,
    string? WhoEmail,
    string? Roles,
    string Record,
    string? RecordLink,
    string Operation,
    IReadOnlyList<AuditChange> Changes);

/// <summary>One field's change, old → new; long values are shortened with the full value alongside.</summary>
public sealed record AuditChange(string Field, string? Old, string? New)
{
    public const int ShortLength = 200;

    public static string? Shortened(string? value) => value is { Length: > ShortLength } ? value[..ShortLength] + "…" : value;

    public static bool IsLong(string? value) => value is { Length: > ShortLength };
}
