using System.Security.Cryptography;
using System.Text.Json;
using ImprovementPlan.Web.Infrastructure;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>
/// Keeps uploaded DfE files between preview and confirmation under {data}/measure-imports/, each under
/// a generated name with its record beside it, and the plan's last confirmed neighbour groupings.
/// Only the user who uploaded a file can open it again; files left unconfirmed are deleted after
/// <see cref="DfeImportOptions.PendingLifetime"/>.
/// </summary>
public sealed class PendingImportStorageService(StorageOptions storage, IConfiguration configuration, TimeProvider clock)
{
    private const string DataSuffix = ".csv";
    private const string GroupingsSuffix = ".groupings.csv";
    private const string RecordSuffix = ".json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public DfeImportOptions Options { get; } = DfeImportOptions.From(configuration);

    public string Folder => Path.Combine(storage.DataDirectory, "measure-imports");

    /// <summary>Keeps the uploaded files and returns their record. Throws IOException when the disk refuses.</summary>
    public async Task<PendingImport> SaveAsync(string userId, int planId, string fileName, Stream data,
        string? groupingsFileName, Stream? groupings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(Folder);
        DeleteExpired();
        var id = Guid.NewGuid().ToString("N");
        try
        {
            var sha = await CopyAsync(data, PathOf(id, DataSuffix), cancellationToken);
            var groupingsSha = groupings is null ? null : await CopyAsync(groupings, PathOf(id, GroupingsSuffix), cancellationToken);
            var pending = new PendingImport
            {
                Id = id,
                UserId = userId,
                PlanId = planId,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                FileName = Evidence.EvidenceStorageService.OriginalName(fileName),
                Sha256 = sha,
                GroupingsFileName = groupings is null ? null : Evidence.EvidenceStorageService.OriginalName(groupingsFileName),
                GroupingsSha256 = groupingsSha,
            };
            await WriteRecordAsync(pending, cancellationToken);
            return pending;
        }
        catch
        {
            Delete(id);
            throw;
        }
    }

    /// <summary>The pending import if it exists, is the user's own, has not expired and its files are unchanged; else null.</summary>
    public async Task<PendingImport?> FindAsync(string id, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null || !IsId(id) || !File.Exists(PathOf(id, RecordSuffix)))
        {
            return null;
        }

        PendingImport? pending;
        try
        {
            await using var stream = File.OpenRead(PathOf(id, RecordSuffix));
            pending = await JsonSerializer.DeserializeAsync<PendingImport>(stream, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }

        if (pending is null || pending.Id != id || pending.UserId != userId
            || pending.CreatedUtc + Options.PendingLifetime < clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        return await HashAsync(PathOf(id, DataSuffix), cancellationToken) == pending.Sha256
            && (pending.GroupingsSha256 is null || await HashAsync(PathOf(id, GroupingsSuffix), cancellationToken) == pending.GroupingsSha256)
            ? pending
            : null;
    }

    public Task UpdateAsync(PendingImport pending, CancellationToken cancellationToken) => WriteRecordAsync(pending, cancellationToken);

    public Stream OpenData(PendingImport pending) => File.OpenRead(PathOf(Checked(pending).Id, DataSuffix));

    /// <summary>The groupings uploaded with the file, else the plan's saved groupings, else null.</summary>
    public Stream? OpenGroupings(PendingImport pending)
    {
        var path = Checked(pending).GroupingsSha256 is not null ? PathOf(pending.Id, GroupingsSuffix) : SavedGroupingsPath(pending.PlanId);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>When the plan's groupings were last saved by a confirmed import, or null if never.</summary>
    public DateTime? SavedGroupingsUtc(int planId)
    {
        var path = SavedGroupingsPath(planId);
        return File.Exists(path) ? File.GetLastWriteTimeUtc(path) : null;
    }

    /// <summary>After a confirmed import: its groupings become the plan's saved groupings, and its files are deleted.</summary>
    public void Complete(PendingImport pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.GroupingsSha256 is not null && File.Exists(PathOf(pending.Id, GroupingsSuffix)))
        {
            var saved = SavedGroupingsPath(pending.PlanId);
            var staged = saved + "." + pending.Id;
            File.Copy(PathOf(pending.Id, GroupingsSuffix), staged, overwrite: true);
            File.Move(staged, saved, overwrite: true);
        }

        Delete(pending.Id);
    }

    public void Delete(string id)
    {
        if (!IsId(id))
        {
            return;
        }

        foreach (var suffix in new[] { DataSuffix, GroupingsSuffix, RecordSuffix })
        {
            File.Delete(PathOf(id, suffix));
        }
    }

    private void DeleteExpired()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Options.PendingLifetime;
        foreach (var record in Directory.EnumerateFiles(Folder, "*" + RecordSuffix))
        {
            var id = Path.GetFileName(record)[..^RecordSuffix.Length];
            if (IsId(id) && File.GetLastWriteTimeUtc(record) < cutoff)
            {
                Delete(id);
            }
        }
    }

    private async Task WriteRecordAsync(PendingImport pending, CancellationToken cancellationToken)
    {
        var path = PathOf(Checked(pending).Id, RecordSuffix);
        var staged = path + ".writing";
        await using (var stream = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, pending, Json, cancellationToken);
        }

        File.Move(staged, path, overwrite: true);
    }

    private static async Task<string> CopyAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        source.Position = 0;
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<string?> HashAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static PendingImport Checked(PendingImport pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return IsId(pending.Id) ? pending : throw new ArgumentException("Not a pending import id.", nameof(pending));
    }

    private static bool IsId(string? id) => Guid.TryParseExact(id, "N", out _);

    private string PathOf(string id, string suffix) => Path.Combine(Folder, id + suffix);

    private string SavedGroupingsPath(int planId)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, $"plan-{planId}-neighbour-groupings.csv");
    }
}
