using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Evidence;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>An author deletes a draft update they no longer want, with its evidence; the files go once the rows have gone.</summary>
public sealed partial class DeleteDraftUpdateHandler(ImprovementPlanDbContext db, EvidenceStorageService storage, ILogger<DeleteDraftUpdateHandler> logger)
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
            try
            {
                File.Delete(storage.PathOf(storedName));
            }
            catch (IOException exception)
            {
                // The rows are gone, so the file is never served; it is only disk space.
                LogFileNotDeleted(logger, exception, storedName);
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The file {StoredName} of a deleted draft update could not be deleted")]
    private static partial void LogFileNotDeleted(ILogger logger, Exception exception, string storedName);
}
