using System.Text.Json;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Auditing;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImprovementPlan.Web.Auditing;

/// <summary>
/// On every save: bumps the concurrency version of changed rows, refuses to change or delete audit
/// entries, and writes an audit entry for each created, changed or deleted record in the same
/// transaction as the change itself.
/// </summary>
public sealed class AuditingInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> IgnoredProperties = ["Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Prepare(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is Entity versioned && entry.State == EntityState.Modified)
            {
                versioned.BumpVersion();
            }

            if (IsActionLink(entry))
            {
                if (LinkChange(context, entry) is { } link)
                {
                    entries.Add(new AuditEntry(now, actor.UserId, actor.UserName, actor.Roles, "Action", link.Reference,
                        EntityState.Modified.ToString(), JsonSerializer.Serialize(new[] { link.Change }), link.PlanId));
                }
            }
            else if (Describe(context, entry) is { } record)
            {
                entries.Add(new AuditEntry(now, actor.UserId, actor.UserName, actor.Roles, record.Type, record.Key,
                    entry.State.ToString(), Changes(entry), PlanOf(context, entry)));
            }
        }

        context.Set<AuditEntry>().AddRange(entries);
    }

    /// <summary>
    /// A row of an action's link tables (its priorities and source reviews) is recorded as a change to
    /// the action itself, so it shows in the action's history: "Priorities: + Priority 3".
    /// </summary>
    private static bool IsActionLink(EntityEntry entry) => entry.Metadata.Name is "ActionPriorities" or "ActionSourceReviews";

    /// <returns>The change, or null when the action is being added in the same save (its creation covers it).</returns>
    private static (string? Reference, FieldChange Change, int? PlanId)? LinkChange(DbContext context, EntityEntry entry)
    {
        var (field, otherKey) = entry.Metadata.Name switch
        {
            "ActionPriorities" => ("Priorities", "PrioritiesId"),
            "ActionSourceReviews" => ("Source reviews", "SourceReviewsId"),
            _ => (null, null),
        };
        if (field is null || entry.State is not (EntityState.Added or EntityState.Deleted))
        {
            return null;
        }

        var actionId = entry.Property("ImprovementActionId").CurrentValue;
        var otherId = entry.Property(otherKey!).CurrentValue;
        var label = field == "Priorities"
            ? Tracked<Priority>(context, otherId) is { } p ? $"Priority {p.Number}" : $"priority {otherId}"
            : Tracked<SourceReview>(context, otherId)?.Code ?? $"source review {otherId}";
        var change = entry.State == EntityState.Added ? new FieldChange(field, null, label) : new FieldChange(field, label, null);
        var action = context.ChangeTracker.Entries<ImprovementAction>().FirstOrDefault(e => Equals(e.Property(x => x.Id).CurrentValue, actionId));
        if (action?.State == EntityState.Added)
        {
            return null;
        }

        var tracked = action?.Entity ?? Tracked<ImprovementAction>(context, actionId);
        return (tracked?.Reference, change, tracked?.PlanId);
    }

    private static T? Tracked<T>(DbContext context, object? id)
        where T : Entity =>
        context.ChangeTracker.Entries<T>().FirstOrDefault(e => Equals(e.Property(x => x.Id).CurrentValue, id))?.Entity
        ?? (id is int key and > 0 ? context.Set<T>().AsNoTracking().FirstOrDefault(e => e.Id == key) : null);

    private static (string Type, string? Key)? Describe(DbContext context, EntityEntry entry) => entry.Entity switch
    {
        // Emails (which can hold a password reset link), held notices and job claims are not plan records.
        AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
            or Domain.Notifications.OutboxMessage or Domain.Notifications.Notice or Domain.Notifications.JobRun => null,
        ImprovementAction a => ("Action", a.Reference),
        DueDateChange c => ("DueDateChange", Tracked<ImprovementAction>(context, c.ActionId)?.Reference),
        Priority p => ("Priority", p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Measure m => ("Measure", m.Code),
        Workstream w => ("Workstream", w.Code),
        ApplicationUser u => ("User", u.Email),
        PublishedReport r => ("PublishedReport", $"{r.ReportId}/v{r.VersionNumber}"),
        Microsoft.AspNetCore.Identity.IdentityUserRole<string> ur => ("UserRole", $"{ur.UserId}/{ur.RoleId}"),
        Entity e => (entry.Metadata.ClrType.Name, e.Id == 0 ? null : e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => (entry.Metadata.DisplayName(), null),
    };

    /// <summary>The plan a changed record belongs to: its own PlanId, or its action's for a due date change.</summary>
    private static int? PlanOf(DbContext context, EntityEntry entry) => entry.Entity switch
    {
        DueDateChange c => Tracked<ImprovementAction>(context, c.ActionId)?.PlanId,
        _ when entry.Metadata.FindProperty("PlanId") is { } property => entry.Property(property.Name).CurrentValue as int?,
        _ => null,
    };

    private static string? Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredProperties.Contains(name) || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes.Add(new FieldChange(name, null, Format(property.CurrentValue)));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes.Add(new FieldChange(name, Format(property.OriginalValue), Format(property.CurrentValue)));
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    changes.Add(new FieldChange(name, Format(property.OriginalValue), null));
                    break;
                default:
                    break;
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        byte[] bytes => $"({bytes.Length} bytes)",
        IEnumerable<string> list => string.Join("\n", list),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record FieldChange(string Field, string? Old, string? New);
}
