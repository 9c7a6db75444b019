using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>A measure as the list shows it: its latest figure, the target that applies now, its rating and when the next figure is due.</summary>
public sealed record MeasureListRow(
    int Id,
    string Code,
    string Name,
    MeasureText Text,
    MeasureActual? Latest,
    MeasureTarget? TargetNow,
    MeasureRating Rating,
    string? DataOwner,
    MeasurePeriod? NextPeriod,
    DateOnly? NextDueOn,
    bool IsRetired);

/// <summary>The measures under one priority (or none).</summary>
public sealed record MeasureGroup(int? PriorityNumber, string Heading, IReadOnlyList<MeasureListRow> Measures);

public sealed record MeasureListPage(DateOnly Today, IReadOnlyList<MeasureGroup> Groups, bool MayMaintain, bool MayEnterFigures);

/// <summary>The current plan's measures grouped by priority, rated as at today.</summary>
public sealed class MeasureListQuery(ImprovementPlanDbContext db, CurrentPlan plan, CurrentUser user, MeasureAccessService access, TimeProvider clock)
{
    public async Task<MeasureListPage> RunAsync(CancellationToken ct)
    {
        var planId = await plan.IdAsync(ct);
        var today = clock.Today();
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Include(m => m.Targets).Include(m => m.Actuals)
            .AsSplitQuery().OrderBy(m => m.Id).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).ToDictionaryAsync(p => p.Id, ct);
        var owners = await OwnerNamesAsync(db, measures, ct);

        var groups = measures
            .GroupBy(m => m.PriorityId is { } id && priorities.TryGetValue(id, out var p) ? p.Number : (int?)null)
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => new MeasureGroup(g.Key,
                g.Key is { } number ? $"Priority {number}: {priorities.Values.First(p => p.Number == number).Title}" : "Not under a priority",
                [.. g.OrderBy(m => m.IsRetired).ThenBy(m => m.Id).Select(m => Row(m, today, owners))]))
            .ToList();
        var mayMaintain = await access.MayMaintainAsync();
        return new MeasureListPage(today, groups, mayMaintain, mayMaintain || measures.Any(m => m.DataOwnerUserId == user.Id && user.Id is not null));
    }

    internal static MeasureListRow Row(Measure measure, DateOnly today, IReadOnlyDictionary<string, string> owners)
    {
        var rating = measure.RateAsAt(today);
        var latest = rating.Actual is { } point
            ? measure.Actuals.FirstOrDefault(a => a.PeriodStart == point.PeriodStart && a.PeriodEnd == point.PeriodEnd)
            : null;
        var next = measure.NextFigureDue(today);
        return new MeasureListRow(measure.Id, measure.Code, measure.Name, new MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency),
            latest, TargetNow(measure, today), rating, OwnerText(measure, owners), next?.Period, next?.DueOn, measure.IsRetiredBy(today));
    }

    /// <summary>The target that applies today: the latest dated on or before it, else the first still to come.</summary>
    public static MeasureTarget? TargetNow(Measure measure, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var past = measure.Targets.Where(t => t.Date <= today).MaxBy(t => t.Date);
        var next = measure.Targets.Where(t => t.Date > today).MinBy(t => t.Date);
        return measure.TrajectoryShape == TrajectoryShape.Stepped ? past ?? next : next ?? past;
    }

    internal static string? OwnerText(Measure measure, IReadOnlyDictionary<string, string> owners)
    {
        var name = measure.DataOwnerUserId is { } id ? owners.GetValueOrDefault(id) : null;
        return (name, measure.Owner) switch
        {
            ({ } n, { } title) => $"{n}, {title}",
            ({ } n, null) => n,
            (null, { } title) => title,
            _ => null,
        };
    }

    internal static async Task<Dictionary<string, string>> OwnerNamesAsync(ImprovementPlanDbContext db, IEnumerable<Measure> measures, CancellationToken ct)
    {
        var ids = measures.Select(m => m.DataOwnerUserId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
