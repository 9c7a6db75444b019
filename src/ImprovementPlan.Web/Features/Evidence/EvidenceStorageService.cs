using System.Security.Cryptography;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using EvidenceItem = ImprovementPlan.Domain.Updates.Evidence;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>
/// Keeps evidence files where every instance of the app can read them: in the database by default
/// (the EvidenceContent table, written in the transaction that records the update), or in a shared
/// folder (Storage:Evidence:Kind = Folder), each under a generated name. An upload is first copied to
/// a temporary file; only inside the database transaction does it become stored evidence, so a
/// failure on either side leaves neither a partial file nor an orphan row.
/// </summary>
public sealed partial class EvidenceStorageService(StorageOptions storage, IConfiguration configuration, ILogger<EvidenceStorageService> logger)
{
    private const string TemporarySuffix = ".uploading";

    public EvidenceOptions Options { get; } = EvidenceOptions.From(configuration);

    public EvidenceStoreKind Kind => storage.Evidence.Kind;

    /// <summary>The evidence folder: the store itself with Kind = Folder, and where files stored before the database store still sit.</summary>
    public string Folder => storage.Evidence.Folder;

    /// <summary>Where uploads wait for their transaction: the evidence folder itself, or a local folder when the database keeps the bytes.</summary>
    private string StagingFolder => Kind == EvidenceStoreKind.Folder ? Folder : Path.Combine(storage.DataDirectory, "uploading");

    /// <summary>The stored file's path; only generated names are accepted, so no path can escape the folder.</summary>
    public string PathOf(string storedName)
    {
        if (!Guid.TryParseExact(storedName, "N", out _))
        {
            throw new ArgumentException("Not a stored evidence name.", nameof(storedName));
        }

        return Path.Combine(Folder, storedName);
    }

    /// <summary>
    /// Makes the staged files stored evidence; called inside the database transaction, after the
    /// evidence rows are inserted (so they have their ids) and before it commits.
    /// </summary>
    public async Task PlaceAsync(StagedFiles staged, ImprovementPlanDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(db);
        if (Kind == EvidenceStoreKind.Folder)
        {
            staged.MoveIntoPlace();
            return;
        }

        foreach (var file in staged.Files)
        {
            var content = await File.ReadAllBytesAsync(file.TemporaryPath, cancellationToken);
            // Raw SQL, not the change tracker: the save that inserted the evidence rows has not
            // accepted its changes yet, so a second SaveChanges would insert them again. The row is
            // found by its stored name, which is unique to this upload.
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"EvidenceContent\" (\"EvidenceId\", \"Content\") SELECT \"Id\", {content} FROM \"Evidence\" WHERE \"StoredName\" = {file.StoredName}",
                cancellationToken);
            if (inserted != 1)
            {
                throw new InvalidOperationException($"The evidence row for {file.StoredName} was not found inside its own transaction.");
            }
        }
    }

    /// <summary>The stored bytes of a file, read as a stream; null when there are none.</summary>
    public async Task<Stream?> OpenReadAsync(EvidenceItem evidence, ImprovementPlanDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(db);
        if (evidence.StoredName is null)
        {
            return null;
        }

        if (Kind == EvidenceStoreKind.Database && await EvidenceContentStream.OpenAsync(db, evidence.Id, cancellationToken) is { } stored)
        {
            return stored;
        }

        // The folder store, or a file stored before the database store that has not been moved in yet.
        var path = PathOf(evidence.StoredName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Deletes a removed item's file from the folder, if it has one; its database row, if any, went with the evidence row.</summary>
    public void DeleteFile(string storedName)
    {
        try
        {
            File.Delete(PathOf(storedName));
        }
        catch (IOException exception)
        {
            // The row is gone, so the file is never served; it is only disk space.
            LogFileNotDeleted(logger, exception, storedName);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogFileNotDeleted(logger, exception, storedName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The evidence file {StoredName} could not be deleted")]
    private static partial void LogFileNotDeleted(ILogger logger, Exception exception, string storedName);

    /// <summary>Copies an upload to a temporary file, working out its SHA-256 on the way. Throws IOException if the disk refuses.</summary>
    public async Task<StagedFile> StageAsync(IFormFile file, EvidenceFileType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(type);
        Directory.CreateDirectory(StagingFolder);
        var storedName = Guid.NewGuid().ToString("N");
        var finalPath = PathOf(storedName);
        var temporaryPath = Path.Combine(StagingFolder, storedName + TemporarySuffix);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var target = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await using (var source = file.OpenReadStream())
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }

                await target.FlushAsync(cancellationToken);
            }

            return new StagedFile(storedName, temporaryPath, finalPath, OriginalName(file.FileName), type.ContentType, length,
                Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }

    /// <summary>
    /// Whether a character of a file name is kept: control characters, format characters (the
    /// bidirectional overrides and isolates such as U+202E that make "report\u202Egpj.pdf" read as
    /// "reportfdp.jpg", zero-width characters, the byte-order mark) and line or paragraph separators
    /// are dropped.
    /// </summary>
    private static bool IsShown(char c) => char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate
        or System.Globalization.UnicodeCategory.OtherNotAssigned);

    /// <summary>The name the user's file had, without any folder, short enough for the database.</summary>
    public static string OriginalName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(IsShown).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "evidence";
        }

        if (name.Length <= 260)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        return name[..(260 - extension.Length)] + extension;
    }
}

/// <summary>An uploaded file written to a temporary name, waiting for its database row.</summary>
public sealed record StagedFile(string StoredName, string TemporaryPath, string FinalPath, string OriginalFileName,
    string ContentType, long SizeBytes, string Sha256);

/// <summary>
/// The files of one save. Disposing it without <see cref="Commit"/> deletes them all, wherever they
/// got to, so a failed save leaves nothing behind.
/// </summary>
public sealed class StagedFiles : IDisposable
{
    private readonly List<StagedFile> _files = [];
    private bool _committed;

    public IReadOnlyList<StagedFile> Files => _files;

    public void Add(StagedFile file) => _files.Add(file);

    /// <summary>Gives each file its final name; called inside the database transaction, and safe to call twice.</summary>
    public void MoveIntoPlace()
    {
        foreach (var file in _files.Where(f => File.Exists(f.TemporaryPath)))
        {
            File.Move(file.TemporaryPath, file.FinalPath);
        }
    }

    public void Commit() => _committed = true;

    public void Dispose()
    {
        // A temporary file is never kept: moved into the folder store, it no longer exists; copied
        // into the database, it is no longer needed.
        foreach (var file in _files)
        {
            TryDelete(file.TemporaryPath);
            if (!_committed)
            {
                TryDelete(file.FinalPath);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the save has already failed and the user is told; a left-over
            // temporary file has no row pointing at it and is never served.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
