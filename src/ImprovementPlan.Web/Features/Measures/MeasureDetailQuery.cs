using System.Globalization;
using System.Text.Json;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Meetings;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>One entry of a measure's history: a change from the audit trail, or a meeting's decision about the measure.</summary>
public sealed record MeasureHistoryEntry(DateTime OccurredAtUtc, string Who, string What, IReadOnlyList<(string Field, string? Old, string? New)> Changes)
{
    /// <summary>Set when the entry is a decision a meeting recorded about the measure.</summary>
    public TimelineDecision? Decision { get; init; }
}

/// <summary>Everything the measure's page shows.</summary>
public sealed record MeasureDetailPage(
    Measure Measure,
    MeasureListRow Summary,
    string? PriorityTitle,
    IReadOnlyList<MeasureHistoryEntry> History,
    bool MayMaintain,
    bool MayEnterFigures,
    IReadOnlyList<MeasurePeriod> PeriodsOffered);

/// <summary>A measure of the current plan with its figures, targets, comparators and change history.</summary>
public sealed class MeasureDetailQuery(ImprovementPlanDbContext db, CurrentPlan plan, MeasureAccessService access, DecisionsAboutQuery decisions,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly HashSet<string> Hidden = ["MeasureId", "RecordedByUserId", "DataOwnerUserId", "PlanId", "PriorityId"];

    public async Task<Measure?> FindAsync(int id, CancellationToken ct)
    {
        var planId = await plan.IdAsync(ct);
        return await db.Measures.Where(m => m.PlanId == planId && m.Id == id)
            .Include(m => m.Targets).Include(m => m.Actuals).Include(m => m.Comparators)
            .AsSplitQuery().SingleOrDefaultAsync(ct);
    }

    public async Task<MeasureDetailPage?> RunAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } measure)
        {
            return null;
        }

        var today = clock.Today();
        var owners = await MeasureListQuery.OwnerNamesAsync(db, [measure], ct);
        var priority = measure.PriorityId is { } priorityId
            ? await db.Priorities.AsNoTracking().Where(p => p.Id == priorityId).Select(p => $"Priority {p.Number}: {p.Title}").SingleOrDefaultAsync(ct)
            : null;
        // Decisions join the audit entries in date order; a meeting's decision counts from midday on the meeting's day.
        var decided = (await decisions.RunAsync(measure.PlanId, AgendaSubject.Measure, measure.Id, ct)).Select(d => new MeasureHistoryEntry(
            TimeZoneInfo.ConvertTimeToUtc(d.Date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified), Clock.UkTime), d.MeetingName, d.Heading, [])
        {
            Decision = d,
        });
        var history = (await HistoryAsync(measure, ct)).Concat(decided).OrderByDescending(h => h.OccurredAtUtc).ToList();
        return new MeasureDetailPage(measure, MeasureListQuery.Row(measure, today, owners), priority, history,
            await access.MayMaintainAsync(), await access.MayEnterFiguresAsync(measure), FigureRules.RecentPeriods(measure.Frequency, today));
    }

    private async Task<List<MeasureHistoryEntry>> HistoryAsync(Measure measure, CancellationToken ct)
    {
        string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
        var actualKeys = measure.Actuals.Select(a => Key(a.Id)).ToList();
        var targetKeys = measure.Targets.Select(t => Key(t.Id)).ToList();
        var comparatorKeys = measure.Comparators.Select(c => Key(c.Id)).ToList();
        // A removed target is no longer on the measure: its "added" and "removed" entries are found by the measure they named.
        var measureId = Key(measure.Id);
        var targetAdded = $"{{\"Field\":\"MeasureId\",\"Old\":null,\"New\":\"{measureId}\"}}";
        var targetRemoved = $"{{\"Field\":\"MeasureId\",\"Old\":\"{measureId}\",\"New\":null}}";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == "Measure" && e.EntityKey == measure.Code)
                || (e.EntityType == nameof(MeasureActual) && actualKeys.Contains(e.EntityKey!))
                || (e.EntityType == nameof(MeasureTarget) && targetKeys.Contains(e.EntityKey!))
                || (e.EntityType == nameof(MeasureTarget) && e.Changes != null && (e.Changes.Contains(targetAdded) || e.Changes.Contains(targetRemoved)))
                || (e.EntityType == nameof(MeasureComparator) && comparatorKeys.Contains(e.EntityKey!)))
            .ToListAsync(ct);
        var userIds = entries.Select(e => e.UserId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var names = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        return [.. entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Select(e =>
        {
            var record = e.EntityType switch
            {
                nameof(MeasureActual) => "Figure",
                nameof(MeasureTarget) => "Target",
                nameof(MeasureComparator) => "Comparator",
                _ => "Definition",
            };
            var what = e.Operation switch
            {
                "Added" => $"{record} added",
                "Deleted" => $"{record} removed",
                _ => e.EntityType == nameof(MeasureActual) ? "Figure corrected" : $"{record} changed",
            };
            var changes = Parse(e.Changes, names);
            var who = e.UserId is null ? e.UserName ?? "System" : names.GetValueOrDefault(e.UserId, e.UserName ?? "A user no longer in the system");
            return new MeasureHistoryEntry(e.OccurredAtUtc, who, what, changes);
        })];
    }

    private static List<(string Field, string? Old, string? New)> Parse(string? json, IReadOnlyDictionary<string, string> names)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Change>>(json, JsonOptions)?.Where(c => c.Field is not null && !Hidden.Contains(c.Field))
                .Select(c => (Label(c.Field), Audit.AuditText.Value(c.Field, c.Old, names), Audit.AuditText.Value(c.Field, c.New, names))).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Label(string field) => field switch
    {
        nameof(MeasureActual.CorrectionReason) => "Reason for the correction",
        nameof(MeasureActual.AsAt) => "Produced on",
        nameof(MeasureActual.IsProvisional) => "Provisional",
        nameof(MeasureActual.PeriodLabel) => "Period",
        nameof(MeasureActual.RecordedBy) => "Recorded by",
        nameof(Measure.LagDays) => "Days after the period its figure is due",
        nameof(Measure.DecimalPlaces) => "Decimal places",
        nameof(Measure.RetiredOn) => "Retired on",
        nameof(Measure.TrajectoryShape) => "Trajectory",
        nameof(Measure.Owner) => "Data owner’s job title",
        nameof(MeasureTarget.DateAssumed) => "Date assumed",
        _ => Audit.AuditText.Label(field),
    };

    private sealed record Change(string Field, string? Old, string? New);
}
