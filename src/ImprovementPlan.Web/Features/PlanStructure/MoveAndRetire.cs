using System.Globalization;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>Moves a part of the current plan's structure up or down its list, and retires or reinstates it; each change audited.</summary>
public sealed class StructureOrderHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, TimeProvider clock)
{
    public async Task<StructureResult> MoveAsync(string kind, int itemId, bool up, CancellationToken ct)
    {
        var items = await ItemsAsync(kind, ct);
        var index = items.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            return StructureResult.NotFound;
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return StructureResult.Saved($"{items[index].Label} is already {(up ? "first" : "last")}");
        }

        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].SortOrder != i + 1)
            {
                items[i].MoveTo(i + 1);
            }
        }

        await db.SaveChangesAsync(ct);
        return StructureResult.Saved($"{items[other].Label} moved {(up ? "up" : "down")}");
    }

    public async Task<StructureResult> RetireAsync(string kind, int itemId, int version, bool retire, CancellationToken ct)
    {
        var item = (await ItemsAsync(kind, ct)).FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return StructureResult.NotFound;
        }

        var entry = db.Entry(item);
        if (!Equals(entry.Property("Version").CurrentValue, version))
        {
            return StructureResult.Conflict;
        }

        entry.Property("Version").OriginalValue = version;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (retire == item.RetiredOn is not null)
        {
            return StructureResult.Saved(retire ? $"{item.Label} is already retired" : $"{item.Label} is already in use");
        }

        if (retire)
        {
            item.Retire(today);
        }
        else
        {
            item.Reinstate();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StructureResult.Conflict;
        }

        return StructureResult.Saved(retire
            ? $"{item.Label} retired from {today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. Its history is kept"
            : $"{item.Label} is in use again");
    }

    /// <summary>The current plan's items of one kind, tracked, in the plan's order.</summary>
    private async Task<List<IStructureItem>> ItemsAsync(string kind, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        return kind switch
        {
            StructureKind.Workstreams => [.. await db.Workstreams.Where(w => w.PlanId == planId).OrderBy(w => w.SortOrder).ThenBy(w => w.Code).ToListAsync(ct)],
            StructureKind.Priorities => [.. await db.Priorities.Where(p => p.PlanId == planId).OrderBy(p => p.SortOrder).ThenBy(p => p.Number).ToListAsync(ct)],
            StructureKind.SourceReviews => [.. await db.SourceReviews.Where(s => s.PlanId == planId).OrderBy(s => s.SortOrder).ThenBy(s => s.Code).ToListAsync(ct)],
            StructureKind.Stages => [.. await db.Stages.Where(s => s.PlanId == planId).OrderBy(s => s.SortOrder).ThenBy(s => s.Number).ToListAsync(ct)],
            _ => [],
        };
    }
}
