using System.Security.Cryptography;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

public enum PublishOutcome
{
    NotFound,
    Published,
    AlreadyPublished,
}

/// <summary>Preparing, printing and publishing reports; reading published versions.</summary>
public sealed class ReportsHandler(
    ImprovementPlanDbContext db,
    ReportDocumentQuery documents,
    ReportHtmlRenderer html,
    IPdfRenderer pdf,
    TimeProvider clock)
{
    public const string PrintView = "/Features/Reports/Print.cshtml";

    /// <summary>The report's body alone, stored with each published version for reading in the browser.</summary>
    public const string PublishedBodyView = "/Features/Reports/PublishedBody.cshtml";

    public async Task<ReportListPage> ListAsync(bool canSeeDrafts, bool canPrepare, CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking()
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

    /// <summary>
    /// Creates a draft report of a kind for a date, or, when one of that kind and date exists already
    /// (a double click, or the form sent again), answers with that one instead of making a second.
    /// </summary>
    public async Task<NewReportOutcome?> CreateAsync(NewReportForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            modelState.AddModelError(nameof(form.Kind), "Select the kind of report");
        }

        var (date, dateError) = form.ReportDate.Parse("the report date");
        if (dateError is not null)
        {
            modelState.AddModelError(nameof(form.ReportDate), dateError);
        }

        DateOnly? periodStart = null;
        if (!form.PeriodStart.IsEmpty)
        {
            (periodStart, var startError) = form.PeriodStart.Parse("the start of the period");
            if (startError is not null)
            {
                modelState.AddModelError(nameof(form.PeriodStart), startError);
            }
            else if (date is { } d && periodStart > d)
            {
                modelState.AddModelError(nameof(form.PeriodStart), "The start of the period must be on or before the report date");
            }
        }

        if (!modelState.IsValid || form.Kind is not { } reportKind || date is not { } reportDate)
        {
            return null;
        }

        var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync(ct);
        if (await ExistingReportAsync(plan.Id, reportKind, reportDate, ct) is { } existing)
        {
            return existing;
        }

        var previous = await db.Reports.Include(r => r.Sections)
            .Where(r => r.PlanId == plan.Id && r.Kind == reportKind)
            .OrderByDescending(r => r.ReportDate).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);
        // The period runs on from the previous report of the kind, unless the clerk says otherwise.
        var from = periodStart ?? (previous is not null && previous.ReportDate < reportDate ? previous.ReportDate.AddDays(1) : plan.PeriodStart);
        var meetingKind = reportKind switch
        {
            ReportKind.ScrutinyReport => Domain.Meetings.MeetingKind.ScrutinyCommittee,
            ReportKind.BoardProgressReport => Domain.Meetings.MeetingKind.ImprovementBoard,
            _ => Domain.Meetings.MeetingKind.CsipReview,
        };
        var meetingId = await db.Meetings.Where(m => m.PlanId == plan.Id && m.Kind == meetingKind && m.Date == reportDate)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        var title = string.IsNullOrWhiteSpace(form.Title) ? previous?.Title ?? ReportTemplates.DefaultTitle(reportKind) : form.Title.Trim();
        var report = new Report(plan.Id, reportKind, title, reportDate, meetingId);
        report.Describe(Trimmed(form.AgendaItem), Trimmed(form.Author) ?? previous?.Author, from, reportDate);
        foreach (var template in ReportTemplates.SectionsFor(reportKind))
        {
            var before = previous?.Sections.FirstOrDefault(s => s.Key == template.Key);
            report.SetSection(template.Key, before?.Heading ?? template.Heading, template.Order, before?.Body ?? string.Empty);
        }

        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form's other post saved first: the unique index refused this one.
            db.ChangeTracker.Clear();
            if (await ExistingReportAsync(plan.Id, reportKind, reportDate, ct) is { } first)
            {
                return first;
            }

            throw;
        }

        return new NewReportOutcome(report.Id, AlreadyExisted: false);
    }

    private async Task<NewReportOutcome?> ExistingReportAsync(int planId, ReportKind kind, DateOnly date, CancellationToken ct)
    {
        var id = await db.Reports.AsNoTracking().Where(r => r.PlanId == planId && r.Kind == kind && r.ReportDate == date)
            .Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        return id is { } existing ? new NewReportOutcome(existing, AlreadyExisted: true) : null;
    }

    public async Task<SectionEditPage?> SectionAsync(int reportId, string key, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Sections).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        var section = report?.Sections.FirstOrDefault(s => s.Key == key);
        return report is null || section is null
            ? null
            : new SectionEditPage(report.Id, report.Title, report.Kind, section.Key, section.Heading,
                new SectionForm { Body = section.Body, Version = section.Version });
    }

    /// <summary>Saves a section; false with a model error when invalid, or with <c>ConflictingBody</c> set when stale.</summary>
    public async Task<(bool Saved, SectionEditPage? Page)> SaveSectionAsync(int reportId, string key, SectionForm form,
        ModelStateDictionary modelState, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.Sections).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        var section = report?.Sections.FirstOrDefault(s => s.Key == key);
        if (report is null || section is null)
        {
            return (false, null);
        }

        var page = new SectionEditPage(report.Id, report.Title, report.Kind, section.Key, section.Heading, form);
        if (!modelState.IsValid)
        {
            return (false, page);
        }

        if (section.Version != form.Version)
        {
            var conflict = page with { ConflictingBody = section.Body, Form = new SectionForm { Body = form.Body, Version = section.Version } };
            return (false, conflict);
        }

        report.WriteSection(key, (form.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        db.Entry(section).Property(s => s.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            return (true, page);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.ReportSections.AsNoTracking().SingleAsync(s => s.Id == section.Id, ct);
            return (false, page with { ConflictingBody = saved.Body, Form = new SectionForm { Body = form.Body, Version = saved.Version } });
        }
    }

    public async Task<PreviewPage?> PreviewAsync(int reportId, bool canPrepare, CancellationToken ct)
    {
        var document = await documents.BuildAsync(reportId, ct);
        return document is null
            ? null
            : new PreviewPage(document, await VersionRowsAsync(reportId, ct), canPrepare, pdf.Status);
    }

    /// <summary>The report as self-contained HTML for Chromium (styles inlined, no URLs to fetch).</summary>
    public async Task<(string Html, ReportDocument Document)?> PrintHtmlAsync(ActionContext context, int reportId, CancellationToken ct)
    {
        var document = await documents.BuildAsync(reportId, ct);
        if (document is null)
        {
            return null;
        }

        return (await html.RenderAsync(context, PrintView, new PrintPage(document, html.PrintStylesheet)), document);
    }

    /// <summary>Prints the report as it stands now (a draft).</summary>
    public async Task<(byte[] Bytes, string FileName)?> DraftPdfAsync(ActionContext context, int reportId, CancellationToken ct)
    {
        if (await PrintHtmlAsync(context, reportId, ct) is not { } printed)
        {
            return null;
        }

        return (await pdf.RenderAsync(printed.Html, Settings(printed.Document), ct), printed.Document.FileName);
    }

    public static PdfDocumentSettings Settings(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var report = document.Report;
        return new PdfDocumentSettings(report.Title, ReportFormat.Date(report.ReportDate), report.Author ?? report.Organisation,
            report.Kind == ReportKind.FullActionPlan)
        {
            Subject = $"{document.KindName} – {report.Organisation}",
        };
    }

    public async Task<(PublishOutcome Outcome, int Version)> PublishAsync(ActionContext context, int reportId, int expectedVersions,
        string? userId, string userName, CancellationToken ct)
    {
        var latest = await db.PublishedReports.Where(p => p.ReportId == reportId).MaxAsync(p => (int?)p.VersionNumber, ct) ?? 0;
        if (latest != expectedVersions)
        {
            return (PublishOutcome.AlreadyPublished, latest);
        }

        if (await PrintHtmlAsync(context, reportId, ct) is not { } printed)
        {
            return (PublishOutcome.NotFound, 0);
        }

        var bytes = await pdf.RenderAsync(printed.Html, Settings(printed.Document), ct);
        var bodyHtml = await html.RenderAsync(context, PublishedBodyView, printed.Document);
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

    public async Task<VersionsPage?> VersionsAsync(int reportId, bool canSeeDraft, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }

        var rows = await VersionRowsAsync(reportId, ct);
        return !canSeeDraft && rows.Count == 0
            ? null
            : new VersionsPage(report.Id, report.Kind, report.Title, report.ReportDate, canSeeDraft, rows);
    }

    public async Task<PublishedReport?> VersionAsync(int reportId, int number, CancellationToken ct) =>
        await db.PublishedReports.AsNoTracking().SingleOrDefaultAsync(p => p.ReportId == reportId && p.VersionNumber == number, ct);

    public async Task<PublishConfirmationPage?> PublishConfirmationAsync(int reportId, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Title, r.Kind, r.ReportDate }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }

        var published = await db.PublishedReports.Where(p => p.ReportId == reportId).MaxAsync(p => (int?)p.VersionNumber, ct) ?? 0;
        return new PublishConfirmationPage(report.Id, report.Title, report.Kind, report.ReportDate, published, pdf.Status);
    }

    /// <summary>A published version as it was published, for reading in the browser.</summary>
    public async Task<PublishedVersionPage?> PublishedVersionAsync(int reportId, int number, bool canSeeDraft, CancellationToken ct)
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

    public async Task<PublishedReport?> LatestVersionAsync(int reportId, CancellationToken ct) =>
        await db.PublishedReports.AsNoTracking().Where(p => p.ReportId == reportId)
            .OrderByDescending(p => p.VersionNumber).FirstOrDefaultAsync(ct);

    public async Task<ComparePage?> CompareAsync(int reportId, int number, CancellationToken ct)
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
        return new ComparePage(reportId, current.Title, Row(current), previous is null ? null : Row(previous), changes);
    }

    private async Task<List<PublishedVersionRow>> VersionRowsAsync(int reportId, CancellationToken ct)
    {
        var versions = await db.PublishedReports.AsNoTracking().Where(p => p.ReportId == reportId)
            .OrderByDescending(p => p.VersionNumber)
            .Select(p => new PublishedVersionRow(p.VersionNumber, p.Title, p.FileName, p.Sha256, p.PublishedAtUtc, p.PublishedByName,
                p.PdfBytes.Length))
            .ToListAsync(ct);
        return versions;
    }

    private static PublishedVersionRow Row(Domain.Reports.PublishedReport p) =>
        new(p.VersionNumber, p.Title, p.FileName, p.Sha256, p.PublishedAtUtc, p.PublishedByName, p.PdfBytes.Length);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The report a "Prepare a report" post leads to, and whether it was there before the post.</summary>
public sealed record NewReportOutcome(int ReportId, bool AlreadyExisted);
