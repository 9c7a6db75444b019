namespace ImprovementPlan.Domain.Rag;

/// <summary>What a measure's rating says.</summary>
public enum MeasureRatingStatus
{
    /// <summary>Red, Amber or Green against the trajectory.</summary>
    Rated = 1,

    /// <summary>A target date has passed, the figure for it is due, and none has been produced.</summary>
    FigureOverdue = 2,

    /// <summary>Neither a higher nor a lower figure is better: reported, never rated.</summary>
    Tracked = 3,

    /// <summary>No rating is possible (no figure, no target, no starting point, retired); the reason says why.</summary>
    NotRated = 4,
}

/// <summary>A measure's rating as at a date and the plain-English reason for it.</summary>
/// <param name="Status">Rated, figure overdue, tracked or not rated.</param>
/// <param name="Rag">Red, Amber or Green when rated; otherwise null.</param>
/// <param name="Actual">The latest figure produced by the date, if any.</param>
/// <param name="Expected">The value the trajectory expects at the end of that figure's period, when there is one.</param>
/// <param name="Target">The target the reason speaks of: the next one aimed at, or the one whose figure is overdue.</param>
/// <param name="Reason">A short reason a councillor can read.</param>
public sealed record MeasureRating(MeasureRatingStatus Status, Rag? Rag, ActualPoint? Actual, decimal? Expected, TargetPoint? Target,
    string Reason)
{
    public bool IsRated => Rag is not null;

    public bool IsFigureOverdue => Status == MeasureRatingStatus.FigureOverdue;

    /// <summary>The rating in a word or two: "Red", "Amber", "Green", "Figure overdue", "Tracked" or "Not rated".</summary>
    public string Word => Status switch
    {
        MeasureRatingStatus.Rated => Rag switch
        {
            Domain.Rag.Rag.Red => "Red",
            Domain.Rag.Rag.Amber => "Amber",
            _ => "Green",
        },
        MeasureRatingStatus.FigureOverdue => "Figure overdue",
        MeasureRatingStatus.Tracked => "Tracked",
        _ => "Not rated",
    };
}
