using System.Data.Common;
using System.Security.Cryptography;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>
/// At start-up with the database store: moves evidence files that an earlier version kept in the
/// evidence folder into the database, one file per transaction, then deletes each file moved. A file
/// whose bytes no longer match the SHA-256 recorded at upload is left where it is and logged. Safe to
/// run on several instances at once: a row another instance inserted first is skipped.
/// </summary>
public sealed partial class EvidenceFolderImport(ImprovementPlanDbContext db, EvidenceStorageService storage, ILogger<EvidenceFolderImport> logger)
{
    /// <summary>How many files were moved into the database.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (storage.Kind != EvidenceStoreKind.Database || !Directory.Exists(storage.Folder))
        {
            return 0;
        }

        var waiting = await db.Evidence.AsNoTracking()
            .Where(e => e.Kind == EvidenceKind.File && e.StoredName != null && !db.EvidenceContents.Any(c => c.EvidenceId == e.Id))
            .Select(e => new { e.Id, StoredName = e.StoredName!, e.Sha256 })
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var evidence in waiting)
        {
            var path = storage.PathOf(evidence.StoredName);
            if (!File.Exists(path))
            {
                continue;
            }

            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            if (evidence.Sha256 is { } expected && !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), expected, StringComparison.Ordinal))
            {
                LogChanged(logger, evidence.Id, evidence.StoredName);
                continue;
            }

            try
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"EvidenceContent\" (\"EvidenceId\", \"Content\") VALUES ({evidence.Id}, {content})", cancellationToken);
            }
            catch (DbException)
            {
                // Another instance moved it first; anything else is a real failure.
                if (!await db.EvidenceContents.AnyAsync(c => c.EvidenceId == evidence.Id, cancellationToken))
                {
                    throw;
                }
            }

            storage.DeleteFile(evidence.StoredName);
            moved++;
        }

        if (moved > 0)
        {
            LogMoved(logger, moved);
        }

        return moved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} evidence files from the evidence folder into the database")]
    private static partial void LogMoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence {EvidenceId}: the file {StoredName} does not match its recorded SHA-256 and was left in the folder")]
    private static partial void LogChanged(ILogger logger, int evidenceId, string storedName);
}

public static class EvidenceFolderImportExtensions
{
    /// <summary>Runs <see cref="EvidenceFolderImport"/> once, before the app takes requests.</summary>
    public static async Task MoveFolderEvidenceIntoDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvidenceFolderImport>().RunAsync(cancellationToken);
    }
}
