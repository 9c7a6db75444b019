using ImprovementPlan.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Infrastructure.Backup;

/// <summary>What administrators see of the scheduled backups: whether they are on, and how the last one went.</summary>
public sealed record BackupPage(bool Enabled, bool IsSqlite, string? Folder, TimeSpan Interval, int Keep, BackupResult? Last);

/// <summary>The backups page for administrators; read-only (backups are configured, not run, from here).</summary>
[Route("admin/backups")]
[Authorize(Policy = Policies.ManageUsers)]
public sealed class BackupsController(BackupOptions options, BackupStatus status, DatabaseOptions database, BackupRunner runner) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        var last = status.Last;
        if (last is null && options.Enabled && runner.NewestManifest() is { } manifest)
        {
            last = new BackupResult(manifest.CreatedAtUtc, true, "Backed up", null, manifest);
        }

        return View("~/Features/Backups/Index.cshtml", new BackupPage(options.Enabled,
            string.Equals(database.Provider, DatabaseProviders.Sqlite, StringComparison.Ordinal),
            options.Enabled ? runner.Folder : null, options.Interval, options.Keep, last));
    }
}
