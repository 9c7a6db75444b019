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

            if (Describe(entry) is { } record)
            {
                entries.Add(new AuditEntry(now, actor.UserId, actor.UserName, actor.Roles, record.Type, record.Key,
                    entry.State.ToString(), Changes(entry)));
            }
        }

        context.Set<AuditEntry>().AddRange(entries);
    }

    private static (string Type, string? Key)? Describe(EntityEntry entry) => entry.Entity switch
    {
        AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey => null,
        ImprovementAction a => ("Action", a.Reference),
        Priority p => ("Priority", p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Measure m => ("Measure", m.Code),
        Workstream w => ("Workstream", w.Code),
        ApplicationUser u => ("User", u.Email),
        PublishedReport r => ("PublishedReport", $"{r.ReportId}/v{r.VersionNumber}"),
        Microsoft.AspNetCore.Identity.IdentityUserRole<string> ur => ("UserRole", $"{ur.UserId}/{ur.RoleId}"),
        Entity e => (entry.Metadata.ClrType.Name, e.Id == 0 ? null : e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => (entry.Metadata.DisplayName(), null),
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
