namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>
/// An uploaded workbook waiting between the import's steps, as recorded beside it on disk: who
/// uploaded it, into which plan, its name and hash, and the columns chosen on the mapping page.
/// Forms carry only its id; the workbook never travels back through the browser.
/// </summary>
public sealed record PendingPlanImport
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required int PlanId { get; init; }

    public required DateTime CreatedUtc { get; init; }

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>What each unmatched column of the Actions sheet holds (a field key, or "" to ignore it), once chosen; null before the mapping page is saved.</summary>
    public IReadOnlyDictionary<int, string>? ColumnChoices { get; init; }
}
