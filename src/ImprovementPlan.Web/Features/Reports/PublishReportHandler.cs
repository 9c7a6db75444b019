using System.Security.Cryptography;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

public enum PublishOutcome
{
    NotFound,
    Published,
    AlreadyPublished,

    /// <summary>The check found unfinished items and the publisher did not confirm them.</summary>
    NotConfirmed,
}

/// <summary>
/// Publishing, the one step that cannot be undone: the question first (with what looks unfinished),
/// then the PDF printed and stored with its SHA-256, its snapshot of figures and its HTML body.
/// </summary>
public sealed class PublishReportHandler(
    ImprovementPlanDbContext db,
    ReportPrintService printer,
    ReportHtmlRenderer html,
    IPdfRenderer pdf,
    PrePublishCheckQuery check,
    TimeProvider clock)
{
    public async Task<PublishConfirmationPage?> ConfirmationAsync(int reportId, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Title, r.Kind, r.ReportDate }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }

        var published = await db.PublishedReports.Where(p => p.ReportId == reportId).MaxAsync(p => (int?)p.VersionNumber, ct) ?? 0;
        return new PublishConfirmationPage(report.Id, report.Title, report.Kind, report.ReportDate, published, pdf.Status)
        {
            Unfinished = await check.RunAsync(reportId, ct),
        };
    }

    /// <summary>Publishes the next version; refused (<see cref="PublishOutcome.NotConfirmed"/>) when something looks unfinished and the publisher has not confirmed it.</summary>
    public async Task<(PublishOutcome Outcome, int Version)> PublishAsync(ActionContext context, int reportId, int expectedVersions,
        bool confirmedUnfinished, string? userId, string userName, CancellationToken ct)
    {
        var latest = await db.PublishedReports.Where(p => p.ReportId == reportId).MaxAsync(p => (int?)p.VersionNumber, ct) ?? 0;
        if (latest != expectedVersions)
        {
            return (PublishOutcome.AlreadyPublished, latest);
        }

        if (!confirmedUnfinished && (await check.RunAsync(reportId, ct)).Count > 0)
        {
            return (PublishOutcome.NotConfirmed, latest);
        }

        if (await printer.PrintHtmlAsync(context, reportId, ct) is not { } printed)
        {
            return (PublishOutcome.NotFound, 0);
        }

        var bytes = await pdf.RenderAsync(printed.Html, ReportPrintService.Settings(printed.Document), ct);
        var bodyHtml = await html.RenderAsync(context, ReportPrintService.PublishedBodyView, printed.Document);
        var version = latest + 1;
        var displayName = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        db.PublishedReports.Add(new PublishedReport(reportId, version, printed.Document.Report.Title, printed.Document.FileName, bytes,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), clock.GetUtcNow().UtcDateTime, userId,
            string.IsNullOrWhiteSpace(displayName) ? userName : displayName, ReportSnapshot.Serialise(printed.Document.Facts), bodyHtml));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks (or two clerks) at once: the unique version number lets only one through.
            db.ChangeTracker.Clear();
            return (PublishOutcome.AlreadyPublished, version);
        }

        return (PublishOutcome.Published, version);
    }
}
