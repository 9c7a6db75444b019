namespace ImprovementPlan.Web.Infrastructure;

/// <summary>Where the app keeps its files: the SQLite database and uploaded evidence.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data folder; relative paths are taken from the app's content root. Default: "data".</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where evidence files are kept: "Storage:Evidence:Kind" and "Storage:Evidence:Folder".</summary>
    public EvidenceStoreOptions Evidence { get; set; } = new();
}

/// <summary>The evidence store every instance of the app shares.</summary>
public sealed class EvidenceStoreOptions
{
    /// <summary>Database (default): the bytes in the EvidenceContent table, saved in the update's transaction. Folder: files in <see cref="Folder"/>.</summary>
    public EvidenceStoreKind Kind { get; set; } = EvidenceStoreKind.Database;

    /// <summary>The folder for Kind = Folder (a share every instance mounts); relative to the data folder. Default: "evidence".</summary>
    public string Folder { get; set; } = "evidence";
}

public enum EvidenceStoreKind
{
    Database = 0,
    Folder = 1,
}

/// <summary>Which database the app uses and how it prepares it at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "SqlServer".</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Apply pending migrations at start-up (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the council's plan from the seed files at start-up if it is missing (default true).</summary>
    public bool SeedOnStartup { get; set; } = true;
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
