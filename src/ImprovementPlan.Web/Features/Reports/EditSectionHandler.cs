using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>A clerk edits one narrative section of a report.</summary>
public sealed class EditSectionHandler(ImprovementPlanDbContext db)
{
    public async Task<SectionEditPage?> PageAsync(int reportId, string key, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Sections).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        var section = report?.Sections.FirstOrDefault(s => s.Key == key);
        return report is null || section is null
            ? null
            : new SectionEditPage(report.Id, report.Title, report.Kind, section.Key, section.Heading,
                new SectionForm { Body = section.Body, Version = section.Version });
    }

    /// <summary>Saves a section; false with what was wrong when invalid, or with <c>ConflictingBody</c> set when stale.</summary>
    public async Task<(bool Saved, SectionEditPage? Page, FormErrors Errors)> SaveAsync(int reportId, string key, SectionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = FormErrors.Of(form);
        var report = await db.Reports.Include(r => r.Sections).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        var section = report?.Sections.FirstOrDefault(s => s.Key == key);
        if (report is null || section is null)
        {
            return (false, null, errors);
        }

        var page = new SectionEditPage(report.Id, report.Title, report.Kind, section.Key, section.Heading, form);
        if (!errors.IsEmpty)
        {
            return (false, page, errors);
        }

        if (section.Version != form.Version)
        {
            var conflict = page with { ConflictingBody = section.Body, Form = new SectionForm { Body = form.Body, Version = section.Version } };
            return (false, conflict, errors);
        }

        report.WriteSection(key, (form.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        db.Entry(section).Property(s => s.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            return (true, page, errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.ReportSections.AsNoTracking().SingleAsync(s => s.Id == section.Id, ct);
            return (false, page with { ConflictingBody = saved.Body, Form = new SectionForm { Body = form.Body, Version = saved.Version } }, errors);
        }
    }
}
