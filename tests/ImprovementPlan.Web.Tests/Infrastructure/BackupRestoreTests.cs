using System.Net;
using System.Text.Json;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure.Backup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>The app with backups on, into a folder of its own; the evidence store is the default unless a subclass says otherwise.</summary>
public class BackedUpFactory : AppFactory
{
    public string BackupFolder { get; } = Path.Combine(Path.GetTempPath(), "ipt-tests", Guid.NewGuid().ToString("N") + "-backups");

    protected virtual string EvidenceStore => "Database";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Backup:Folder"] = BackupFolder,
        ["Backup:Interval"] = "1.00:00:00",
        ["Backup:Keep"] = "2",
        ["Storage:Evidence:Kind"] = EvidenceStore,
    };

    public async Task<BackupResult> BackUpAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<BackupRunner>().RunAsync(TestContext.Current.CancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(BackupFolder))
        {
            Directory.Delete(BackupFolder, recursive: true);
        }
    }
}

public sealed class FolderStoreBackedUpFactory : BackedUpFactory
{
    protected override string EvidenceStore => "Folder";
}

/// <summary>Backs up, restores into an empty folder as docs/backup-and-restore.md says, and starts the app on the copy.</summary>
public static class Restore
{
    /// <summary>What the restore should bring back: counts of the records people make, and each row's identity.</summary>
    public static Task<Dictionary<string, string>> RecordsAsync(AppFactory factory) => factory.WithDbAsync(async db => new Dictionary<string, string>
    {
        ["Actions"] = Text(await db.Actions.OrderBy(a => a.Id).Select(a => new { a.Reference, a.Version }).ToListAsync(Ct)),
        ["ProgressUpdates"] = Text(await db.ProgressUpdates.OrderBy(u => u.Id).Select(u => new { u.Id, u.State, u.Narrative }).ToListAsync(Ct)),
        ["Evidence"] = Text(await db.Evidence.OrderBy(e => e.Id).Select(e => new { e.Id, e.Title, e.Sha256 }).ToListAsync(Ct)),
        ["Users"] = Text(await db.Users.OrderBy(u => u.Id).Select(u => new { u.Email, u.SecurityStamp }).ToListAsync(Ct)),
        ["AuditEntries"] = (await db.AuditEntries.CountAsync(Ct)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static string Text<T>(IEnumerable<T> rows) => string.Join("\n", rows);

    /// <summary>"Copy the backup's files into an empty data folder."</summary>
    public static string IntoEmptyFolder(string backup)
    {
        var target = Path.Combine(Path.GetTempPath(), "ipt-tests", Guid.NewGuid().ToString("N") + "-restored");
        foreach (var file in Directory.EnumerateFiles(backup, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(backup, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public static async Task BackUpRestoreAndCheckAsync(BackedUpFactory factory, string reference)
    {
        var (lead, client) = await factory.LeadOfActionAsync(reference);
        var pdf = Pdf(40_000);
        using var created = await client.PostFormAsync($"/actions/{reference}/updates/new", Fields("Backed up with its file."), ("before the backup.pdf", pdf));
        var evidence = Assert.Single((await factory.UpdateAsync(RedirectedUpdateId(created)))!.Evidence);
        await factory.CreateAsync(Roles.Viewer);
        var expected = await RecordsAsync(factory);

        var result = await factory.BackUpAsync();
        using var afterBackup = await client.PostFormAsync($"/actions/{reference}/updates/new", Fields("Written after the backup."));

        Assert.True(result.Succeeded, result.Message);
        var backup = Path.Combine(factory.BackupFolder, result.BackupName!);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(backup, BackupManifest.FileName), Ct))!;
        Assert.Equal("ok", manifest.IntegrityCheck);
        Assert.False(Directory.EnumerateDirectories(factory.BackupFolder, "*.partial").Any());
        var restoredFolder = IntoEmptyFolder(backup);
        try
        {
            using var restored = new SharedDataFactory(restoredFolder);
            Assert.Equal(expected, await RecordsAsync(restored));
            Assert.Equal(manifest.MigrationId, await restored.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync(Ct)).Last()));
            Assert.Equal(manifest.Counts["ProgressUpdates"], await restored.WithDbAsync(db => db.ProgressUpdates.LongCountAsync(Ct)));
            Assert.Equal(manifest.Counts["Evidence"], await restored.WithDbAsync(db => db.Evidence.LongCountAsync(Ct)));
            using var signedIn = await restored.SignedInAsync(lead);
            using var download = await signedIn.GetAsync(new Uri($"/evidence/{evidence.Id}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(restoredFolder, recursive: true);
        }
    }
}

public sealed class BackupRestoreTests(BackedUpFactory factory) : IClassFixture<BackedUpFactory>
{
    [Fact]
    public Task Restore_WithEvidenceInTheDatabase_StartsWithEveryRecordAndTheFileByteIdentical() =>
        Restore.BackUpRestoreAndCheckAsync(factory, "E48");

    [Fact]
    public async Task Backup_WhenTheFolderCannotBeWritten_ReportsTheFailureAndLeavesNoPartialBackup()
    {
        // A file where the backup folder's dated folder would go: the copy cannot be made.
        Directory.CreateDirectory(factory.BackupFolder);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var name = BackupRunner.NamePrefix + factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var blocker = Path.Combine(factory.BackupFolder, name + ".partial");
        await File.WriteAllTextAsync(blocker, "in the way", Ct);

        var result = await factory.BackUpAsync();
        File.Delete(blocker);

        Assert.False(result.Succeeded);
        Assert.StartsWith("The backup failed", result.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(factory.BackupFolder, name)));
    }
}

public sealed class BackupsPageTests(BackedUpFactory factory) : IClassFixture<BackedUpFactory>
{
    [Fact]
    public async Task Get_AdminBackups_ShowsTheLastBackupsTimeAndResult()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await admin.GetDocumentAsync("/admin/backups");

        var result = await factory.BackUpAsync();
        var after = await admin.GetDocumentAsync("/admin/backups");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("None yet", before.QuerySelector("[data-testid=backup-last]")!.TextContent.Trim());
        Assert.Equal("Succeeded", after.QuerySelector("[data-testid=backup-result]")!.TextContent.Trim());
        Assert.Contains("1 March 2021 at 09:30 UTC", after.QuerySelector("[data-testid=backup-last]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class FolderStoreBackupRestoreTests(FolderStoreBackedUpFactory factory) : IClassFixture<FolderStoreBackedUpFactory>
{
    [Fact]
    public Task Restore_WithEvidenceInAFolder_StartsWithEveryRecordAndTheFileByteIdentical() =>
        Restore.BackUpRestoreAndCheckAsync(factory, "E48");
}

/// <summary>The scheduler on a fake clock: each interval a backup, the oldest pruned beyond Keep (2).</summary>
public sealed class ScheduledBackupTests(BackedUpFactory factory) : IClassFixture<BackedUpFactory>
{
    private string[] Backups() => Directory.Exists(factory.BackupFolder)
        ? Directory.GetDirectories(factory.BackupFolder, BackupRunner.NamePrefix + "*").Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray()
        : [];

    private async Task<string[]> WaitForAsync(Func<string[], bool> condition)
    {
        for (var i = 0; i < 300 && !condition(Backups()); i++)
        {
            await Task.Delay(100, Ct);
        }

        return Backups();
    }

    [Fact]
    public async Task Scheduler_EachInterval_TakesABackupAndKeepsTheNewestTwo()
    {
        _ = factory.Services;
        Assert.Empty(Backups());

        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Single(await WaitForAsync(b => b.Length == 1));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, (await WaitForAsync(b => b.Length == 2)).Length);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var kept = await WaitForAsync(b => b.Length == 2 && b[^1] == "backup-20210304-093000");

        Assert.Equal(["backup-20210303-093000", "backup-20210304-093000"], kept);
        var status = factory.Services.GetRequiredService<BackupStatus>().Last;
        Assert.True(status!.Succeeded);
        Assert.Equal(new DateTime(2021, 3, 4, 9, 30, 0, DateTimeKind.Utc), status.AttemptedAtUtc);
    }
}
