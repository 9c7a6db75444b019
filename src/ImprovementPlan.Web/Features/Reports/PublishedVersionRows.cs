using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>The rows that describe a report's published versions, newest first.</summary>
public static class PublishedVersionRows
{
    public static async Task<List<PublishedVersionRow>> ForReportAsync(ImprovementPlanDbContext db, int reportId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PublishedReports.AsNoTracking().Where(p => p.ReportId == reportId)
            .OrderByDescending(p => p.VersionNumber)
            .Select(p => new PublishedVersionRow(p.VersionNumber, p.Title, p.FileName, p.Sha256, p.PublishedAtUtc, p.PublishedByName,
                p.PdfBytes.Length))
            .ToListAsync(ct);
    }

    public static PublishedVersionRow Of(PublishedReport published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return new(published.VersionNumber, published.Title, published.FileName, published.Sha256, published.PublishedAtUtc,
            published.PublishedByName, published.PdfBytes.Length);
    }
}
