using System.ComponentModel.DataAnnotations;

namespace ImprovementPlan.Domain.Rag;

/// <summary>The thresholds behind the RAG and staleness rules, bound from the "Rag" configuration section.</summary>
public sealed record RagSettings
{
    public const string SectionName = "Rag";

    /// <summary>An action due within this many days of today, with no recent approved update, is Amber.</summary>
    [Range(0, 366)]
    public int DueSoonDays { get; init; } = 14;

    /// <summary>An approved update at most this many days old counts as recent for the "due soon" rule.</summary>
    [Range(0, 366)]
    public int RecentUpdateDays { get; init; } = 28;

    /// <summary>An incomplete action whose last approved update is older than this many days is stale.</summary>
    [Range(0, 366)]
    public int ReviewCycleDays { get; init; } = 14;

    /// <summary>How far short of its target, as a fraction of the target, a measure may fall and still be Amber.</summary>
    [Range(typeof(decimal), "0", "1", ParseLimitsInInvariantCulture = true)]
    public decimal MeasureTolerance { get; init; } = 0.05m;
}
