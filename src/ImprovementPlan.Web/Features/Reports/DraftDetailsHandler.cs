using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

public enum DraftChangeResult
{
    Saved,
    Invalid,
    NotFound,
    Published,
    Conflict,
}

/// <summary>Corrects a draft's title, date, committee, agenda item and author; a published report keeps them.</summary>
public sealed class DraftDetailsHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    /// <summary>The page's model holds the form as <c>Form</c>, so its fields post (and carry errors) under this prefix.</summary>
    public const string Prefix = "Form";

    public async Task<DraftDetailsPage?> PageAsync(int reportId, DraftDetailsForm? posted, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.PlanId == planId, ct);
        if (report is null)
        {
            return null;
        }

        var form = posted ?? new DraftDetailsForm
        {
            Title = report.Title,
            ReportDate = DateParts.From(report.ReportDate),
            Committee = report.Committee,
            AgendaItem = report.AgendaItem,
            Author = report.Author,
            Version = report.Version,
        };
        var published = await db.PublishedReports.AnyAsync(p => p.ReportId == reportId, ct);
        return new DraftDetailsPage(report.Id, report.Kind, report.Title, published, form);
    }

    /// <summary>Corrects a draft's details; <see cref="DraftChangeResult.Invalid"/> comes with what was wrong, keyed by the form's field names.</summary>
    public async Task<(DraftChangeResult Result, FormErrors Errors)> SaveAsync(int reportId, DraftDetailsForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = FormErrors.Of(form, Prefix);
        var plan = await currentPlan.GetAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && r.PlanId == plan.Id, ct);
        if (report is null)
        {
            return (DraftChangeResult.NotFound, errors);
        }

        if (await db.PublishedReports.AnyAsync(p => p.ReportId == reportId, ct))
        {
            return (DraftChangeResult.Published, errors);
        }

        var date = ReportDates.ReportDate(form.ReportDate, plan, errors, $"{Prefix}.{nameof(form.ReportDate)}");
        if (date is { } d && d != report.ReportDate
            && await db.Reports.AnyAsync(r => r.PlanId == plan.Id && r.Kind == report.Kind && r.ReportDate == d && r.Id != report.Id, ct))
        {
            errors.Add($"{Prefix}.{nameof(form.ReportDate)}", $"There is already a report of this kind for {ReportFormat.Date(d)}");
        }

        if (!errors.IsEmpty || date is not { } reportDate)
        {
            return (DraftChangeResult.Invalid, errors);
        }

        if (report.Version != form.Version)
        {
            return (DraftChangeResult.Conflict, errors);
        }

        report.Correct(form.Title!, reportDate);
        report.Describe(Trimmed(form.AgendaItem), Trimmed(form.Author), report.PeriodStart, report.PeriodEnd);
        report.AddressTo(form.Committee);
        db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            return (DraftChangeResult.Saved, errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (DraftChangeResult.Conflict, errors);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
