namespace ImprovementPlan.Domain.Measures;

/// <summary>How a trajectory runs between its target points.</summary>
public enum TrajectoryShape
{
    /// <summary>Each target holds from its date until the next one.</summary>
    Stepped = 0,

    /// <summary>A straight line between one target and the next.</summary>
    Linear = 1,
}
