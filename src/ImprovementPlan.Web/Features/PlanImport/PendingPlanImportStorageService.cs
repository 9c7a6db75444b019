using System.Security.Cryptography;
using System.Text.Json;
using ImprovementPlan.Web.Infrastructure;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>
/// Keeps uploaded workbooks between the import's steps under {data}/plan-imports/, each under a
/// generated id with its record beside it. Only the user who uploaded a workbook can open it again,
/// and only while it is unchanged; workbooks left unconfirmed are deleted after
/// <see cref="PlanImportOptions.PendingLifetime"/>.
/// </summary>
public sealed class PendingPlanImportStorageService(StorageOptions storage, IConfiguration configuration, TimeProvider clock)
{
    private const string DataSuffix = ".xlsx";
    private const string RecordSuffix = ".json";

    public PlanImportOptions Options { get; } = PlanImportOptions.From(configuration);

    public string Folder => Path.Combine(storage.DataDirectory, "plan-imports");

    /// <summary>Keeps the workbook and returns its record. Throws IOException when the disk refuses.</summary>
    public async Task<PendingPlanImport> SaveAsync(string userId, int planId, string fileName, Stream data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(Folder);
        DeleteExpired();
        var id = Guid.NewGuid().ToString("N");
        try
        {
            data.Position = 0;
            await using (var target = new FileStream(PathOf(id, DataSuffix), FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await data.CopyToAsync(target, cancellationToken);
            }

            data.Position = 0;
            var pending = new PendingPlanImport
            {
                Id = id,
                UserId = userId,
                PlanId = planId,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                FileName = Evidence.EvidenceStorageService.OriginalName(fileName),
                Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(data, cancellationToken)),
            };
            data.Position = 0;
            await UpdateAsync(pending, cancellationToken);
            return pending;
        }
        catch
        {
            Delete(id);
            throw;
        }
    }

    /// <summary>The pending import if it exists, is the user's own, has not expired and its workbook is unchanged; else null.</summary>
    public async Task<PendingPlanImport?> FindAsync(string id, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null || !IsId(id) || !File.Exists(PathOf(id, RecordSuffix)) || !File.Exists(PathOf(id, DataSuffix)))
        {
            return null;
        }

        PendingPlanImport? pending;
        try
        {
            await using var stream = File.OpenRead(PathOf(id, RecordSuffix));
            pending = await JsonSerializer.DeserializeAsync<PendingPlanImport>(stream, cancellationToken: cancellationToken);
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

        await using var data = File.OpenRead(PathOf(id, DataSuffix));
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(data, cancellationToken)) == pending.Sha256 ? pending : null;
    }

    public async Task UpdateAsync(PendingPlanImport pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var path = PathOf(Checked(pending.Id), RecordSuffix);
        var staged = path + ".writing";
        await using (var stream = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, pending, cancellationToken: cancellationToken);
        }

        File.Move(staged, path, overwrite: true);
    }

    /// <summary>The workbook, in memory (it is small: the upload limit bounds it).</summary>
    public async Task<MemoryStream> OpenAsync(PendingPlanImport pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var buffer = new MemoryStream();
        await using (var file = File.OpenRead(PathOf(Checked(pending.Id), DataSuffix)))
        {
            await file.CopyToAsync(buffer, cancellationToken);
        }

        buffer.Position = 0;
        return buffer;
    }

    public void Delete(string id)
    {
        if (!IsId(id))
        {
            return;
        }

        File.Delete(PathOf(id, DataSuffix));
        File.Delete(PathOf(id, RecordSuffix));
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

    private static string Checked(string id) => IsId(id) ? id : throw new ArgumentException("Not a pending import id.", nameof(id));

    /// <summary>A version 4 GUID in its 32-digit form: 122 random bits from the system's cryptographic generator.</summary>
    public static bool IsId(string? id) => Guid.TryParseExact(id, "N", out _);

    private string PathOf(string id, string suffix) => Path.Combine(Folder, id + suffix);
}
