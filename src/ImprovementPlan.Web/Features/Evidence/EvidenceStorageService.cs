using System.Security.Cryptography;
using ImprovementPlan.Web.Infrastructure;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>
/// Keeps evidence files outside the web root, under {data}/evidence/, each under a generated name.
/// A file is first written to a temporary name and moved into place only inside the database
/// transaction that records it, so a failure on either side leaves neither a partial file nor an
/// orphan row.
/// </summary>
public sealed class EvidenceStorageService(StorageOptions storage, IConfiguration configuration)
{
    private const string TemporarySuffix = ".uploading";

    public EvidenceOptions Options { get; } = EvidenceOptions.From(configuration);

    public string Folder => Path.Combine(storage.DataDirectory, "evidence");

    /// <summary>The stored file's path; only generated names are accepted, so no path can escape the folder.</summary>
    public string PathOf(string storedName)
    {
        if (!Guid.TryParseExact(storedName, "N", out _))
        {
            throw new ArgumentException("Not a stored evidence name.", nameof(storedName));
        }

        return Path.Combine(Folder, storedName);
    }

    /// <summary>Copies an upload to a temporary file, working out its SHA-256 on the way. Throws IOException if the disk refuses.</summary>
    public async Task<StagedFile> StageAsync(IFormFile file, EvidenceFileType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(type);
        Directory.CreateDirectory(Folder);
        var storedName = Guid.NewGuid().ToString("N");
        var finalPath = PathOf(storedName);
        var temporaryPath = finalPath + TemporarySuffix;
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
        if (_committed)
        {
            return;
        }

        foreach (var file in _files)
        {
            TryDelete(file.TemporaryPath);
            TryDelete(file.FinalPath);
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
