using System.Globalization;
using System.Text.Json;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Actions;

/// <summary>One field of a change: its label and its old and new values as people read them.</summary>
public sealed record HistoryChange(string Field, string? Old, string? New);

/// <summary>One entry of an action's change history.</summary>
public sealed record HistoryEntry(DateTime OccurredAtUtc, string When, string Who, string What, IReadOnlyList<HistoryChange> Changes);

/// <summary>An action's change history from the audit trail, newest first, in words rather than column names.</summary>
public sealed class ActionHistoryQuery(ImprovementPlanDbContext db)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(ImprovementAction.Reference)] = "Reference",
        [nameof(ImprovementAction.Sequence)] = "Position in the plan",
        [nameof(ImprovementAction.WorkstreamId)] = "Workstream",
        [nameof(ImprovementAction.LinkTo)] = "Link to",
        [nameof(ImprovementAction.ActionText)] = "Action",
        [nameof(ImprovementAction.Timeframe)] = "Timeframe",
        [nameof(ImprovementAction.OriginalDueDate)] = "Original due date",
        [nameof(ImprovementAction.DueDate)] = "Due date",
        [nameof(ImprovementAction.Outcome)] = "Outcome",
        [nameof(ImprovementAction.HowWillWeKnow)] = "How will we know",
        [nameof(ImprovementAction.WhatSuccessLooksLike)] = "What success looks like",
        [nameof(ImprovementAction.SeniorResponsibleOfficer)] = "Senior responsible officer",
        [nameof(ImprovementAction.LeadOfficer)] = "Lead officer",
        [nameof(ImprovementAction.LeadUserId)] = "Led in the tracker by",
        [nameof(ImprovementAction.Status)] = "Status",
        [nameof(ImprovementAction.CompletedOn)] = "Completed on",
        [nameof(ImprovementAction.EmbeddedConfirmedOn)] = "Confirmed complete and embedded on",
        [nameof(ImprovementAction.DeliveryRagOverride)] = "Delivery rating set by the Service Director",
        [nameof(ImprovementAction.DeliveryRagOverrideReason)] = "Reason for the delivery rating",
        [nameof(ImprovementAction.ImpactRag)] = "Impact rating",
        [nameof(ImprovementAction.ImpactRagNote)] = "Note on the impact rating",
        [nameof(ImprovementAction.TranscriptionNote)] = "Transcription note",
    };

    private static readonly HashSet<string> DateFields =
    [
        nameof(ImprovementAction.OriginalDueDate),
        nameof(ImprovementAction.DueDate),
        nameof(ImprovementAction.CompletedOn),
        nameof(ImprovementAction.EmbeddedConfirmedOn),
    ];

    /// <summary>
    /// The history of the plan's action <paramref name="reference"/>. Another plan's action with the same
    /// reference has entries under the same key: only entries recorded against this plan are read. Entries
    /// written before audit entries named their plan (PlanId null) date from when the app held one plan, the
    /// first: they count as that plan's.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> RunAsync(int planId, string reference, CancellationToken cancellationToken = default)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Action" && e.EntityKey == reference
                && (e.PlanId == planId || (e.PlanId == null && db.Plans.Min(p => p.Id) == planId)))
            .ToListAsync(cancellationToken);
        entries = [.. entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)];

        var parsed = entries.Select(e => (Entry: e, Changes: Parse(e.Changes))).ToList();
        // People are named by their display name, not the email address they sign in with.
        var userIds = parsed.SelectMany(p => p.Changes)
            .Where(c => c.Field == nameof(ImprovementAction.LeadUserId))
            .SelectMany(c => new[] { c.Old, c.New })
            .Concat(entries.Select(e => e.UserId))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var userNames = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var workstreams = !parsed.Any(p => p.Changes.Any(c => c.Field == nameof(ImprovementAction.WorkstreamId)))
            ? []
            : await db.Workstreams.AsNoTracking().Where(w => w.PlanId == planId)
            .ToDictionaryAsync(w => w.Id.ToString(CultureInfo.InvariantCulture), w => $"{w.Code} – {w.Name}", cancellationToken);

        string? Value(string field, string? value)
        {
            if (value is null)
            {
                return null;
            }

            return field switch
            {
                nameof(ImprovementAction.LeadUserId) => userNames.GetValueOrDefault(value, "a user no longer in the system"),
                nameof(ImprovementAction.WorkstreamId) => workstreams.GetValueOrDefault(value, value),
                nameof(ImprovementAction.Status) when Enum.TryParse<ActionStatus>(value, out var status) => RagDisplay.Status(status),
                _ when DateFields.Contains(field) && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) =>
                    date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        return [.. parsed.Select(p =>
        {
            var what = p.Entry.Operation switch
            {
                "Added" => "Added to the plan",
                "Deleted" => "Deleted",
                _ => p.Changes.Count == 0 ? "Saved with no change to its fields" : "Changed",
            };
            // A new action's every field is its first value, shown on the page already: the entry just says it was added.
            var changes = p.Entry.Operation == "Added"
                ? []
                : p.Changes.Select(c => new HistoryChange(Labels.GetValueOrDefault(c.Field, c.Field), Value(c.Field, c.Old), Value(c.Field, c.New))).ToList();
            var who = p.Entry.UserId is null ? "System" : userNames.GetValueOrDefault(p.Entry.UserId, "A user no longer in the system");
            return new HistoryEntry(p.Entry.OccurredAtUtc, When(p.Entry.OccurredAtUtc), who, what, changes);
        })];
    }

    private static List<FieldChange> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<FieldChange>>(json, JsonOptions)?.Where(c => c.Field is not null).ToList() ?? [];
        }
        catch (JsonException)
        {
            // An entry written by an older version of the app: show that it happened, without details.
            return [];
        }
    }

    /// <summary>"1 March 2021 at 9:30am", in UK time.</summary>
    private static string When(DateTime utc)
    {
        var local = utc.ToUkTime();
        var time = local.ToString("h:mm", CultureInfo.InvariantCulture) + (local.Hour < 12 ? "am" : "pm");
        return $"{local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} at {time}";
    }

    private sealed record FieldChange(string Field, string? Old, string? New);
}
