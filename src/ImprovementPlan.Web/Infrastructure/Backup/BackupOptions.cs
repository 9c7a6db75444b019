namespace ImprovementPlan.Web.Infrastructure.Backup;

/// <summary>Scheduled backups of the SQLite database (and of a folder evidence store), from the "Backup" section. Off when no folder is set.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups are written, one dated folder each; relative to the content root. Empty: no backups.</summary>
    public string? Folder { get; set; }

    /// <summary>Time between backups (default one day), counted from the newest backup in the folder.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many backups are kept; older ones are deleted after a good backup (default 14).</summary>
    public int Keep { get; set; } = 14;

    public bool Enabled => !string.IsNullOrWhiteSpace(Folder);
}
