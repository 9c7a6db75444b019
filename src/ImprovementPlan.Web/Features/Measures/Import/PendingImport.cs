namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>
/// An uploaded DfE file waiting between preview and confirmation, as kept beside it on disk: who
/// uploaded it, for which plan, the files' names and hashes, and the choices made so far. The form
/// carries only its id; the files themselves never travel back and forth through the browser.
/// </summary>
public sealed record PendingImport
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required int PlanId { get; init; }

    public required DateTime CreatedUtc { get; init; }

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>The groupings file uploaded with it, if any (else the plan's saved groupings are used).</summary>
    public string? GroupingsFileName { get; init; }

    public string? GroupingsSha256 { get; init; }

    public string? Indicator { get; init; }

    public int? MeasureId { get; init; }

    /// <summary>The date the DfE published the file: the figures' "as at" date.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>Values chosen for the file's dimension columns, e.g. breakdown = Total.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; init; } = new Dictionary<string, string>();

    public bool IsReadyToPreview => Indicator is not null && MeasureId is not null && PublishedOn is not null;
}
