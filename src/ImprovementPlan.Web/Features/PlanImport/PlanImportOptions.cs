using ImprovementPlan.Web.Features.Evidence;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>Settings of the plan import, from the "PlanImport" configuration section.</summary>
public sealed class PlanImportOptions
{
    public const string Section = "PlanImport";

    /// <summary>The largest workbook accepted, in bytes (default 5 MB). A file of exactly this size passes.</summary>
    public long MaxFileSizeBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most parts (zip entries) a workbook may hold (default 500; a plan workbook has about 20).</summary>
    public int MaxZipEntries { get; set; } = 500;

    /// <summary>The most bytes a workbook may unpack to, all parts together (default 50 MB).</summary>
    public long MaxUnpackedBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The most rows a sheet may hold below its header (default 5,000; a plan has tens).</summary>
    public int MaxRows { get; set; } = 5000;

    /// <summary>How long an uploaded workbook waits for its import to be confirmed before it is deleted (default one day).</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromDays(1);

    public string MaxFileSizeText => EvidenceOptions.Describe(MaxFileSizeBytes);

    public static PlanImportOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<PlanImportOptions>() ?? new PlanImportOptions();
    }
}
