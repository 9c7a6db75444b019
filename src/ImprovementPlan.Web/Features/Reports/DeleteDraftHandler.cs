using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Deletes a report that was never published (a mistaken draft); a published report stays for good.</summary>
public sealed class DeleteDraftHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<DeleteDraftPage?> PageAsync(int reportId, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.PlanId == planId, ct);
        return report is null
            ? null
            : new DeleteDraftPage(report.Id, report.Kind, report.Title, report.ReportDate,
                await db.PublishedReports.AnyAsync(p => p.ReportId == reportId, ct), report.Version);
    }

    public async Task<DraftChangeResult> HandleAsync(int reportId, int version, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var report = await db.Reports.Include(r => r.Sections).SingleOrDefaultAsync(r => r.Id == reportId && r.PlanId == planId, ct);
        if (report is null)
        {
            return DraftChangeResult.NotFound;
        }

        if (await db.PublishedReports.AnyAsync(p => p.ReportId == reportId, ct))
        {
            return DraftChangeResult.Published;
        }

        if (report.Version != version)
        {
            return DraftChangeResult.Conflict;
        }

        db.Reports.Remove(report);
        await db.SaveChangesAsync(ct);
        return DraftChangeResult.Saved;
    }
}
