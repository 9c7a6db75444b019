using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>What changed between a published version and the one before it, read from their stored snapshots.</summary>
public sealed class CompareVersionsQuery(ImprovementPlanDbContext db)
{
    public async Task<ComparePage?> RunAsync(int reportId, int number, CancellationToken ct)
    {
        var versions = await db.PublishedReports.AsNoTracking()
            .Where(p => p.ReportId == reportId && (p.VersionNumber == number || p.VersionNumber == number - 1))
            .ToListAsync(ct);
        var current = versions.FirstOrDefault(v => v.VersionNumber == number);
        if (current is null)
        {
            return null;
        }

        var previous = versions.FirstOrDefault(v => v.VersionNumber == number - 1);
        var changes = previous is null
            ? []
            : ReportSnapshot.Compare(ReportSnapshot.Read(previous.SnapshotJson), ReportSnapshot.Read(current.SnapshotJson));
        return new ComparePage(reportId, current.Title, PublishedVersionRows.Of(current),
            previous is null ? null : PublishedVersionRows.Of(previous), changes);
    }
}
