namespace ImprovementPlan.Web.Infrastructure.Backup;

/// <summary>What a backup holds, written beside it as manifest.json: enough to tell a good backup from a partial one.</summary>
public sealed record BackupManifest(
    DateTime CreatedAtUtc,
    string AppVersion,
    string? MigrationId,
    string EvidenceStore,
    string IntegrityCheck,
    IReadOnlyDictionary<string, long> Counts,
    int EvidenceFilesCopied)
{
    public const string FileName = "manifest.json";

    public const string DatabaseFileName = "improvement-plan.db";

    public const string EvidenceFolderName = "evidence";
}

/// <summary>The outcome of one backup: shown to administrators and logged.</summary>
public sealed record BackupResult(DateTime AttemptedAtUtc, bool Succeeded, string Message, string? BackupName, BackupManifest? Manifest);

/// <summary>The last backup this instance attempted (or, after a restart, the newest in the folder).</summary>
public sealed class BackupStatus
{
    private BackupResult? _last;

    public BackupResult? Last => Volatile.Read(ref _last);

    public void Record(BackupResult result) => Volatile.Write(ref _last, result);
}
