using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Features.Reports;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>The chart's geometry: figures dated at the end of their month stand on that month's tick, not the next one's.</summary>
public sealed class ChartModelTests
{
    [Fact]
    public void For_MonthEndFiguresAndTargets_StandOnTheirOwnMonthsTicks()
    {
        var chart = ChartModel.For("MASH", "Contacts progressed within one working day", MeasureUnit.Percent,
            [(new DateOnly(2020, 11, 30), 69m, "November 2020"), (new DateOnly(2021, 1, 31), 76m, "January 2021")],
            [(new DateOnly(2021, 2, 28), 70m, "February 2021"), (new DateOnly(2021, 3, 31), 85m, "March 2021"), (new DateOnly(2021, 4, 30), 95m, "April 2021")],
            [])!;

        var ticks = chart.XTicks.ToDictionary(t => t.Label, t => t.Position);
        var points = chart.Actuals.Concat(chart.Targets).ToList();

        var matched = 0;
        foreach (var (label, x) in ticks)
        {
            var month = DateOnly.ParseExact("1 " + label, "d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
            var monthName = month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
            foreach (var point in points.Where(p => p.Label.Contains(monthName, StringComparison.Ordinal)))
            {
                Assert.Equal(x, point.X, precision: 6);
                matched++;
            }
        }

        Assert.True(matched >= 2, $"Only {matched} figures fell on a labelled month; ticks: {string.Join(", ", ticks.Keys)}.");
        Assert.DoesNotContain(ticks, t => t.Key == "May 2021");
    }
}
