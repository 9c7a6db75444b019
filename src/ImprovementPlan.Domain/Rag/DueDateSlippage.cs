namespace ImprovementPlan.Domain.Rag;

/// <summary>How far an action's due date has moved from the one first agreed.</summary>
public static class DueDateSlippage
{
    /// <summary>Days from the original to the current due date (negative when brought forward); 0 when either is unknown.</summary>
    public static int Days(DateOnly? original, DateOnly? current) =>
        original is { } from && current is { } to ? to.DayNumber - from.DayNumber : 0;
}
