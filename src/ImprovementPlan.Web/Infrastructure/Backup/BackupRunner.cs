using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ImprovementPlan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Infrastructure.Backup;

/// <summary>
/// Takes one online backup of the SQLite database with SQLite's backup API (a consistent copy while
/// the app keeps running), plus the evidence files when they are kept in a folder, into a dated
/// folder. Everything is written under a temporary name, checked (integrity_check, row counts) and
/// only then renamed, so a folder named "backup-…" is always complete. Keeps the newest
/// <see cref="BackupOptions.Keep"/> backups.
/// </summary>
public sealed partial class BackupRunner(
    ImprovementPlanDbContext db,
    BackupOptions options,
    StorageOptions storage,
    BackupStatus status,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<BackupRunner> logger)
{
    public const string NamePrefix = "backup-";
    private const string TemporarySuffix = ".partial";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The tables counted in the manifest: the plan's records, its evidence and its accounts.</summary>
    private static readonly string[] CountedTables =
        ["Plans", "Priorities", "Actions", "ProgressUpdates", "Evidence", "EvidenceContent", "Measures", "Reports", "AuditEntries", "AspNetUsers"];

    public string Folder => Path.GetFullPath(options.Folder ?? string.Empty, environment.ContentRootPath);

    public async Task<BackupResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        BackupResult result;
        if (!options.Enabled)
        {
            result = new BackupResult(now, false, "Backups are off: Backup:Folder is not set.", null, null);
        }
        else if (!db.Database.IsSqlite())
        {
            result = new BackupResult(now, false, "The app does not back up SQL Server: use the server's own backups.", null, null);
        }
        else
        {
            try
            {
                result = await BackUpAsync(now, cancellationToken);
                LogBackedUp(logger, result.BackupName!);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException or InvalidDataException)
            {
                LogFailed(logger, exception);
                result = new BackupResult(now, false, "The backup failed: " + exception.Message, null, null);
            }
        }

        status.Record(result);
        return result;
    }

    private async Task<BackupResult> BackUpAsync(DateTime now, CancellationToken cancellationToken)
    {
        var name = NamePrefix + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Folder);
        var final = Path.Combine(Folder, name);
        if (Directory.Exists(final))
        {
            throw new IOException($"A backup named {name} already exists.");
        }

        var temporary = final + TemporarySuffix;
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        try
        {
            var copy = Path.Combine(temporary, BackupManifest.DatabaseFileName);
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
            }

            var files = storage.Evidence.Kind == EvidenceStoreKind.Folder ? CopyEvidenceFolder(Path.Combine(temporary, BackupManifest.EvidenceFolderName)) : 0;
            var manifest = await DescribeAsync(copy, now, storage.Evidence.Kind.ToString(), files, cancellationToken);
            if (!string.Equals(manifest.IntegrityCheck, "ok", StringComparison.Ordinal))
            {
                throw new InvalidDataException("The copy failed SQLite's integrity check: " + manifest.IntegrityCheck);
            }

            await File.WriteAllTextAsync(Path.Combine(temporary, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
            Directory.Move(temporary, final);
            Prune();
            return new BackupResult(now, true, "Backed up", name, manifest);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private int CopyEvidenceFolder(string target)
    {
        Directory.CreateDirectory(target);
        var source = storage.Evidence.Folder;
        if (!Directory.Exists(source))
        {
            return 0;
        }

        var copied = 0;
        // Stored names are generated GUIDs; a temporary ".uploading" file belongs to no saved update.
        foreach (var file in Directory.EnumerateFiles(source).Where(f => Guid.TryParseExact(Path.GetFileName(f), "N", out _)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            copied++;
        }

        return copied;
    }

    private static async Task<BackupManifest> DescribeAsync(string copy, DateTime now, string store, int files, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        var integrity = Convert.ToString(await ScalarAsync(connection, "PRAGMA integrity_check", cancellationToken), CultureInfo.InvariantCulture) ?? "no answer";
        var migration = Convert.ToString(await ScalarAsync(connection, "SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"", cancellationToken), CultureInfo.InvariantCulture);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            counts[table] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", cancellationToken), CultureInfo.InvariantCulture);
        }

        return new BackupManifest(now, AppVersion, migration, store, integrity, counts, files);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from the constant table names above.
        command.CommandText = sql;
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static string AppVersion =>
        typeof(BackupRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The complete backups in the folder, newest first.</summary>
    public IReadOnlyList<string> Backups() => Directory.Exists(Folder)
        ? Directory.EnumerateDirectories(Folder, NamePrefix + "*")
            .Where(d => !d.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToList()
        : [];

    private void Prune()
    {
        foreach (var old in Backups().Skip(Math.Max(1, options.Keep)))
        {
            TryDelete(old);
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException exception)
        {
            LogNotDeleted(logger, exception, folder);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogNotDeleted(logger, exception, folder);
        }
    }

    /// <summary>The manifest of the newest complete backup, if there is one.</summary>
    public BackupManifest? NewestManifest()
    {
        foreach (var folder in Backups())
        {
            var path = Path.Combine(folder, BackupManifest.FileName);
            if (File.Exists(path))
            {
                try
                {
                    return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path));
                }
                catch (JsonException)
                {
                    // A manifest edited by hand: look at the next backup.
                }
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} written")]
    private static partial void LogBackedUp(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "The backup failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The old backup {Folder} could not be deleted")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string folder);
}
