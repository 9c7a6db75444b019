using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Why an action is an exception, most severe first: overdue, then Red, then stale.</summary>
public enum ExceptionKind
{
    Overdue = 0,
    Red = 1,
    Stale = 2,
}

/// <summary>
/// An action listed once among the exceptions, with every reason it is one (overdue by N days, Red,
/// stale since a date, due date moved), so the same action is never printed twice.
/// </summary>
public sealed record ExceptionLine(ActionLine Action, IReadOnlyList<ExceptionKind> Kinds, IReadOnlyList<string> Reasons)
{
    /// <summary>Above this many exceptions a report summarises them by workstream and gives the detail in an appendix.</summary>
    public const int SummariseAbove = 15;

    public ExceptionKind MostSevere => Kinds[0];

    /// <summary>The actions that are overdue, Red or stale on <paramref name="asAt"/>, each once, most severe (and most overdue) first.</summary>
    public static IReadOnlyList<ExceptionLine> From(IEnumerable<ActionLine> actions, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var lines = new List<(ExceptionLine Line, int OverdueDays)>();
        foreach (var action in actions)
        {
            var kinds = new List<ExceptionKind>();
            var reasons = new List<string>();
            var overdueDays = action.IsOverdue(asAt) ? asAt.DayNumber - action.DueDate!.Value.DayNumber : 0;
            if (overdueDays > 0)
            {
                kinds.Add(ExceptionKind.Overdue);
                reasons.Add($"Overdue by {Days(overdueDays)}");
            }

            if (action.Delivery.Rag == Rag.Red && (overdueDays == 0 || action.Delivery.IsOverridden))
            {
                kinds.Add(ExceptionKind.Red);
                reasons.Add(action.Delivery.IsOverridden ? "Rated Red by the Service Director" : "Rated Red: " + action.Delivery.Reason);
            }

            if (action.IsStale)
            {
                kinds.Add(ExceptionKind.Stale);
                reasons.Add(action.LastApprovedUpdateOn is { } last
                    ? $"Stale: no approved update since {ReportFormat.Date(last)}"
                    : "Stale: no approved update yet");
            }

            if (kinds.Count == 0)
            {
                continue;
            }

            if (action.SlippageDays > 0)
            {
                reasons.Add($"Due date moved {DueDateSlippage.Describe(action.SlippageDays)} than first agreed");
            }

            lines.Add((new ExceptionLine(action, kinds, reasons), overdueDays));
        }

        return [.. lines.OrderBy(l => l.Line.MostSevere).ThenByDescending(l => l.OverdueDays).ThenBy(l => l.Line.Action.Sequence).Select(l => l.Line)];
    }

    /// <summary>"56 actions: 40 overdue, 10 Red, 50 stale" (an action may be counted under more than one reason).</summary>
    public static string Counts(IReadOnlyList<ExceptionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var overdue = lines.Count(l => l.Kinds.Contains(ExceptionKind.Overdue));
        var red = lines.Count(l => l.Kinds.Contains(ExceptionKind.Red));
        var stale = lines.Count(l => l.Kinds.Contains(ExceptionKind.Stale));
        return $"{lines.Count} {(lines.Count == 1 ? "action" : "actions")}: {overdue} overdue, {red} Red, {stale} stale";
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(System.Globalization.CultureInfo.InvariantCulture)} days";
}
