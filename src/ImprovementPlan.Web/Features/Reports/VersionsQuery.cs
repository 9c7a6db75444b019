using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>The list of a report's published versions (to those who may not see drafts, only when there is one).</summary>
public sealed class VersionsQuery(ImprovementPlanDbContext db)
{
    public async Task<VersionsPage?> RunAsync(int reportId, bool canSeeDraft, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }

        var rows = await PublishedVersionRows.ForReportAsync(db, reportId, ct);
        return !canSeeDraft && rows.Count == 0
            ? null
            : new VersionsPage(report.Id, report.Kind, report.Title, report.ReportDate, canSeeDraft, rows);
    }
}
