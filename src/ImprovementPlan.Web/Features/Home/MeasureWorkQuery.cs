using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Home;

/// <summary>
/// The measures work list on the dashboard: figures overdue, figures due (their period has ended and
/// the due date has not passed) and measures off track (rated Red or Amber), each linked to its
/// measure's page. A performance officer sees every measure of the plan; anyone else the measures
/// they are the data owner of; nobody else gets the section.
/// </summary>
public sealed class MeasureWorkQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan, CurrentUser user, TimeProvider clock)
{
    public async Task<MeasureWork?> RunAsync(CancellationToken cancellationToken = default)
    {
        var plan = await currentPlan.FindAsync(cancellationToken);
        var userId = user.Id;
        if (plan is null || userId is null)
        {
            return null;
        }

        var everyMeasure = user.IsInRole(Roles.PerformanceOfficer);
        var query = db.Measures.AsNoTracking().Where(m => m.PlanId == plan.Id && m.RetiredOn == null);
        if (!everyMeasure)
        {
            query = query.Where(m => m.DataOwnerUserId == userId);
        }

        var measures = await query.Include(m => m.Targets).Include(m => m.Actuals)
            .OrderBy(m => m.Id).AsSplitQuery().ToListAsync(cancellationToken);
        if (!everyMeasure && measures.Count == 0)
        {
            return null;
        }

        var today = clock.Today();
        var overdue = new List<(DateOnly Due, DashboardItem Item)>();
        var due = new List<(DateOnly Due, DashboardItem Item)>();
        var offTrack = new List<(int Order, DashboardItem Item)>();
        foreach (var measure in measures)
        {
            var text = new MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency);
            var href = $"/measures/{measure.Id}";
            if (measure.NextFigureDue(today) is { } next && next.Period.End < today)
            {
                var period = text.Period(next.Period);
                if (next.DueOn < today)
                {
                    overdue.Add((next.DueOn, new DashboardItem(measure.Name, href, $"The figure for {period} was due by {MeasureText.Date(next.DueOn)}")));
                }
                else
                {
                    due.Add((next.DueOn, new DashboardItem(measure.Name, href, $"The figure for {period} is due by {MeasureText.Date(next.DueOn)}")));
                }
            }

            var rating = measure.RateAsAt(today);
            if (rating.Rag is Rag.Red or Rag.Amber)
            {
                offTrack.Add((rating.Rag == Rag.Red ? 0 : 1, new DashboardItem(measure.Name, href, $"{rating.Word}: {rating.Reason}")));
            }
        }

        static string Noun(int n, string one, string many) => n == 1 ? one : many;
        return new MeasureWork(
            everyMeasure ? "Measures: figures and ratings" : "Your measures",
            [
                new DashboardCard("measure-figures-overdue", "Figures overdue", overdue.Count,
                    $"{Noun(overdue.Count, "figure", "figures")} past {Noun(overdue.Count, "its", "their")} due date", string.Empty, string.Empty,
                    "No figure is overdue.", [.. overdue.OrderBy(o => o.Due).Select(o => o.Item)]),
                new DashboardCard("measure-figures-due", "Figures due", due.Count,
                    $"{Noun(due.Count, "figure", "figures")} for a period that has ended", string.Empty, string.Empty,
                    "No figure is due yet.", [.. due.OrderBy(d => d.Due).Select(d => d.Item)]),
                new DashboardCard("measures-off-track", "Measures off track", offTrack.Count,
                    $"{Noun(offTrack.Count, "measure", "measures")} rated Red or Amber", string.Empty, string.Empty,
                    "No measure is rated Red or Amber.", [.. offTrack.OrderBy(o => o.Order).Select(o => o.Item)]),
            ]);
    }
}

/// <summary>The dashboard's measures section: its heading and cards.</summary>
public sealed record MeasureWork(string Title, IReadOnlyList<DashboardCard> Cards);
