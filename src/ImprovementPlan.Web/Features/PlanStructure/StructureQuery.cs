using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>One row of a structure table: the item's key (code or number), its title, a detail line and its state.</summary>
public sealed record StructureRow(int Id, string Key, string Title, string? Detail, DateOnly? RetiredOn, int Version);

/// <summary>The plan's structure page: its workstreams, priorities, source reviews and stages in the plan's order.</summary>
public sealed record StructurePage(PlanHeader Plan, IReadOnlyList<StructureRow> Workstreams, IReadOnlyList<StructureRow> Priorities,
    IReadOnlyList<StructureRow> SourceReviews, IReadOnlyList<StructureRow> Stages);

/// <summary>Reads the current plan's structure, retired parts included (they are kept for history).</summary>
public sealed class StructureQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<StructurePage> RunAsync(CancellationToken ct)
    {
        var plan = await currentPlan.GetAsync(ct);
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == plan.Id).OrderBy(w => w.SortOrder).ThenBy(w => w.Code)
            .Select(w => new StructureRow(w.Id, w.Code, w.Name, w.AccountableLead, w.RetiredOn, w.Version)).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.SortOrder).ThenBy(p => p.Number)
            .Select(p => new
            {
                p.Id,
                p.Number,
                p.Title,
                p.LeadJobTitle,
                Lead = db.Users.Where(u => u.Id == p.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.RetiredOn,
                p.Version,
            }).ToListAsync(ct);
        var reviews = await db.SourceReviews.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.SortOrder).ThenBy(s => s.Code)
            .Select(s => new StructureRow(s.Id, s.Code, s.Title, s.DateText, s.RetiredOn, s.Version)).ToListAsync(ct);
        var stages = await db.Stages.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.SortOrder).ThenBy(s => s.Number)
            .Select(s => new { s.Id, s.Number, s.Name, s.TargetDate, s.RetiredOn, s.Version }).ToListAsync(ct);
        return new StructurePage(
            plan,
            workstreams,
            [.. priorities.Select(p => new StructureRow(p.Id, p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Title,
                Lead(p.Lead, p.LeadJobTitle), p.RetiredOn, p.Version))],
            reviews,
            [.. stages.Select(s => new StructureRow(s.Id, s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name,
                "Target " + s.TargetDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), s.RetiredOn, s.Version))]);
    }

    private static string? Lead(string? person, string? jobTitle) => (person, jobTitle) switch
    {
        ({ } p, { Length: > 0 } t) => $"Led by {p}, {t}",
        ({ } p, _) => $"Led by {p}",
        (null, { Length: > 0 } t) => $"Led by the {t}",
        _ => null,
    };
}
