using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Something in a report that looks unfinished, shown before publishing; <see cref="Href"/> leads to where it is fixed.</summary>
public sealed record UnfinishedItem(string Text, string? Href);

/// <summary>
/// Lists what looks unfinished in a draft before it is published: sections left empty, sections still
/// holding the previous report's words unchanged, and measures whose latest figure is older than
/// their frequency allows on the report's date.
/// </summary>
public sealed class PrePublishCheckQuery(ImprovementPlanDbContext db)
{
    public async Task<IReadOnlyList<UnfinishedItem>> RunAsync(int reportId, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Sections).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return [];
        }

        var items = new List<UnfinishedItem>();
        var previous = await db.Reports.AsNoTracking().Include(r => r.Sections)
            .Where(r => r.PlanId == report.PlanId && r.Kind == report.Kind && r.ReportDate < report.ReportDate)
            .OrderByDescending(r => r.ReportDate)
            .FirstOrDefaultAsync(ct);
        foreach (var section in report.Sections.OrderBy(s => s.Order))
        {
            var href = $"/reports/{report.Id}/sections/{Uri.EscapeDataString(section.Key)}/edit";
            if (string.IsNullOrWhiteSpace(section.Body))
            {
                items.Add(new UnfinishedItem($"{section.Heading} is empty, so it will not be printed", href));
            }
            else if (previous?.Sections.FirstOrDefault(s => s.Key == section.Key) is { } before
                && Normalise(before.Body) == Normalise(section.Body))
            {
                items.Add(new UnfinishedItem(
                    $"{section.Heading} is word for word the same as in the report of {ReportFormat.Date(previous.ReportDate)}", href));
            }
        }

        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == report.PlanId)
            .Select(m => new
            {
                m.Code,
                m.Name,
                m.Frequency,
                Latest = m.Actuals.Where(a => a.PeriodStart <= report.ReportDate).Max(a => (DateOnly?)a.PeriodEnd),
            })
            .ToListAsync(ct);
        foreach (var measure in measures.OrderBy(m => m.Code))
        {
            if (measure.Latest is { } latest && AllowedAge(measure.Frequency) is { } days && report.ReportDate.DayNumber - latest.DayNumber > days)
            {
                items.Add(new UnfinishedItem(
                    $"{measure.Name}: the latest figure is for the period to {ReportFormat.Date(latest)}, older than a {Word(measure.Frequency)} figure should be",
                    null));
            }
        }

        return items;
    }

    /// <summary>
    /// How old the latest figure may be on the report's date: one period, plus one more for the figure
    /// to be collected and published (a monthly figure for January is due by the end of March).
    /// </summary>
    public static int? AllowedAge(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Monthly => 2 * 31,
        MeasureFrequency.Quarterly => 2 * 92,
        MeasureFrequency.Annual => 2 * 366,
        _ => null,
    };

    private static string Word(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Monthly => "monthly",
        MeasureFrequency.Quarterly => "quarterly",
        MeasureFrequency.Annual => "yearly",
        _ => "one-off",
    };

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
