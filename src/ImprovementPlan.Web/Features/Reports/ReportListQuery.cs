using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>The reports of the current plan, drafts only for those who may see them.</summary>
public sealed class ReportListQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<ReportListPage> RunAsync(bool canSeeDrafts, bool canPrepare, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.PlanId == planId)
            .Select(r => new
            {
                r.Id,
                r.Kind,
                r.Title,
                r.ReportDate,
                Versions = db.PublishedReports.Count(p => p.ReportId == r.Id),
                Last = db.PublishedReports.Where(p => p.ReportId == r.Id).Max(p => (DateTime?)p.PublishedAtUtc),
            })
            .ToListAsync(ct);
        var rows = reports
            .Where(r => canSeeDrafts || r.Versions > 0)
            .OrderBy(r => r.Kind).ThenByDescending(r => r.ReportDate)
            .Select(r => new ReportListRow(r.Id, r.Kind, r.Title, r.ReportDate, r.Versions, r.Last))
            .ToList();
        return new ReportListPage(rows, canSeeDrafts, canPrepare);
    }
}
