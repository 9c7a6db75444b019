namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>Upload settings, from the "Evidence" configuration section.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The largest file accepted, in bytes (default 20 MB). A file of exactly this size passes.</summary>
    public long MaxFileSizeBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How many files one save may carry (default 5).</summary>
    public int MaxFilesPerUpload { get; set; } = 5;

    /// <summary>
    /// The request body the upload routes accept: every file at the limit plus a megabyte of form,
    /// so that a file over the limit reaches the validation and gets a friendly message rather than
    /// a 413 page.
    /// </summary>
    public long MaxRequestBytes => (MaxFileSizeBytes * MaxFilesPerUpload) + (1024 * 1024);

    /// <summary>The size limit as people read it: "20 MB", "1 KB".</summary>
    public string MaxFileSizeText => Describe(MaxFileSizeBytes);

    public static EvidenceOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<EvidenceOptions>() ?? new EvidenceOptions();
    }

    public static string Describe(long bytes) => Shared.FileSize.Text(bytes);
}
