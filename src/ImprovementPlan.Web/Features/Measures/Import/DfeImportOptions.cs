using ImprovementPlan.Web.Features.Evidence;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>Settings of the DfE import, from the "MeasuresImport" configuration section.</summary>
public sealed class DfeImportOptions
{
    public const string Section = "MeasuresImport";

    /// <summary>The largest file accepted, in bytes (default 10 MB; the DfE's local authority files are well under 1 MB). A file of exactly this size passes.</summary>
    public long MaxFileSizeBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long an uploaded file waits for its preview to be confirmed before it is deleted (default one day).</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromDays(1);

    public string MaxFileSizeText => EvidenceOptions.Describe(MaxFileSizeBytes);

    public static DfeImportOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<DfeImportOptions>() ?? new DfeImportOptions();
    }
}
