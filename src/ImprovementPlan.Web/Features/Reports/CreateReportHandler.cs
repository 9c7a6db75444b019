using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>The report a "Prepare a report" post leads to, and whether it was there before the post; or what was wrong with the form.</summary>
public sealed record NewReportOutcome(int ReportId, bool AlreadyExisted, FormErrors? Errors = null)
{
    public static NewReportOutcome Invalid(FormErrors errors) => new(0, false, errors);
}

/// <summary>
/// Creates a draft report of a kind for a date in the current plan, or, when one of that kind and date
/// exists already (a double click, or the form sent again), answers with that one instead of making a second.
/// </summary>
public sealed class CreateReportHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<NewReportOutcome> HandleAsync(NewReportForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = FormErrors.Of(form);
        var plan = await currentPlan.GetAsync(ct);
        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(form.Kind), "Select the kind of report");
        }

        var date = ReportDates.ReportDate(form.ReportDate, plan, errors, nameof(form.ReportDate));
        DateOnly? periodStart = null;
        if (!form.PeriodStart.IsEmpty)
        {
            (periodStart, var startError) = form.PeriodStart.Parse("the start of the period");
            if (startError is not null)
            {
                errors.Add(nameof(form.PeriodStart), startError);
            }
            else if (date is { } d && periodStart > d)
            {
                errors.Add(nameof(form.PeriodStart), "The start of the period must be on or before the report date");
            }
            else if (Plan.RefuseDateBeforeStart(plan.PeriodStart, periodStart!.Value, "The start of the period") is { } early)
            {
                errors.Add(nameof(form.PeriodStart), early);
            }
        }

        if (!errors.IsEmpty || form.Kind is not { } reportKind || date is not { } reportDate)
        {
            return NewReportOutcome.Invalid(errors);
        }

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
        var meeting = await db.Meetings.Where(m => m.PlanId == plan.Id && m.Kind == meetingKind && m.Date == reportDate)
            .Select(m => new { m.Id, m.Title }).FirstOrDefaultAsync(ct);
        var title = string.IsNullOrWhiteSpace(form.Title) ? previous?.Title ?? ReportTemplates.DefaultTitle(reportKind) : form.Title.Trim();
        var report = new Report(plan.Id, reportKind, title, reportDate, meeting?.Id);
        report.Describe(Trimmed(form.AgendaItem), Trimmed(form.Author) ?? previous?.Author, from, reportDate);
        // The committee carries over from the previous report of the kind (or the meeting's name) unless the clerk gives one.
        report.AddressTo(Trimmed(form.Committee) ?? previous?.Committee ?? meeting?.Title);
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

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
