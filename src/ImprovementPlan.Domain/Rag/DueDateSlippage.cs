namespace ImprovementPlan.Domain.Rag;

/// <summary>How far an action's due date has moved from the one first agreed.</summary>
public static class DueDateSlippage
{
    /// <summary>Days from the original to the current due date (negative when brought forward); 0 when either is unknown.</summary>
    public static int Days(DateOnly? original, DateOnly? current) =>
        original is { } from && current is { } to ? to.DayNumber - from.DayNumber : 0;

    /// <summary>
    /// The move as people say it, in the unit that suits its size: "3 days later", "5 weeks later",
    /// "7 months later", "6 years 10 months later", "2 weeks earlier"; "Not moved" for none.
    /// </summary>
    public static string Describe(int days)
    {
        if (days == 0)
        {
            return "Not moved";
        }

        var size = Math.Abs(days);
        var direction = days > 0 ? "later" : "earlier";
        var months = (int)Math.Round(size / 30.4375, MidpointRounding.AwayFromZero);
        var amount = size switch
        {
            < 14 => Count(size, "day"),
            < 63 => Count((int)Math.Round(size / 7.0, MidpointRounding.AwayFromZero), "week"),
            < 730 => Count(months, "month"),
            _ => months % 12 == 0 ? Count(months / 12, "year") : $"{Count(months / 12, "year")} {Count(months % 12, "month")}",
        };
        return $"{amount} {direction}";
    }

    private static string Count(int n, string unit) =>
        $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {unit}{(n == 1 ? string.Empty : "s")}";
}
