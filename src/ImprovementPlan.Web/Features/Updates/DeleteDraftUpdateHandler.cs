using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Evidence;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>An author deletes a draft update they no longer want, with its evidence; the files go once the rows have gone.</summary>
public sealed class DeleteDraftUpdateHandler(ImprovementPlanDbContext db, EvidenceStorageService storage)
{
    /// <summary>False when the update is no longer a draft (submitted meanwhile), so nothing was deleted.</summary>
    public async Task<bool> HandleAsync(ProgressUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.IsDeletable)
        {
            return false;
        }

        update.EnsureDeletable();
        var files = update.Evidence.Select(e => e.StoredName).OfType<string>().ToList();
        db.Evidence.RemoveRange(update.Evidence);
        db.ProgressUpdates.Remove(update);
        await db.SaveChangesAsync(ct);
        foreach (var storedName in files)
        {
            storage.DeleteFile(storedName);
        }

        return true;
    }
}
