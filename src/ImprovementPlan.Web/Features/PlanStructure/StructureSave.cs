using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>Saves a structure change, turning a stale version into a conflict and a unique index's refusal into a field error.</summary>
internal static class StructureSave
{
    public static async Task<StructureResult> SaveAsync(ImprovementPlanDbContext db, string notification, string keyField, string duplicateMessage,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return StructureResult.Saved(notification);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StructureResult.Conflict;
        }
        catch (DbUpdateException)
        {
            // Someone else took the code or number between the check and the save.
            return StructureResult.Invalid(new Dictionary<string, string> { [keyField] = duplicateMessage });
        }
    }
}
