namespace ImprovementPlan.Domain.Actions;

/// <summary>Where an action's delivery stands. Changed through approved progress updates.</summary>
public enum ActionStatus
{
    /// <summary>No approved progress update has set a status yet (true of every seeded action).</summary>
    NotYetReported = 0,
    NotStarted = 1,
    InProgress = 2,
    Complete = 3,
}
