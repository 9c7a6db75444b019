using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>One published version: its page in the browser, or its exact stored PDF.</summary>
public sealed class PublishedVersionQuery(ImprovementPlanDbContext db)
{
    /// <summary>A published version as it was published, for reading in the browser.</summary>
    public async Task<PublishedVersionPage?> PageAsync(int reportId, int number, bool canSeeDraft, CancellationToken ct)
    {
        var found = await db.PublishedReports.AsNoTracking()
            .Where(p => p.ReportId == reportId && p.VersionNumber == number)
            .Join(db.Reports, p => p.ReportId, r => r.Id, (p, r) => new
            {
                Row = new PublishedVersionRow(p.VersionNumber, p.Title, p.FileName, p.Sha256, p.PublishedAtUtc, p.PublishedByName,
                    p.PdfBytes.Length),
                p.BodyHtml,
                r.Kind,
                r.ReportDate,
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var latest = await db.PublishedReports.Where(p => p.ReportId == reportId).MaxAsync(p => p.VersionNumber, ct);
        return new PublishedVersionPage(reportId, found.Kind, found.ReportDate, found.Row, found.BodyHtml, latest, canSeeDraft);
    }

    public async Task<PublishedReport?> VersionAsync(int reportId, int number, CancellationToken ct) =>
        await db.PublishedReports.AsNoTracking().SingleOrDefaultAsync(p => p.ReportId == reportId && p.VersionNumber == number, ct);

    public async Task<PublishedReport?> LatestAsync(int reportId, CancellationToken ct) =>
        await db.PublishedReports.AsNoTracking().Where(p => p.ReportId == reportId)
            .OrderByDescending(p => p.VersionNumber).FirstOrDefaultAsync(ct);
}
