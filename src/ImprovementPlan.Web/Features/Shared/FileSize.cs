using System.Globalization;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>The one way a file's size is written anywhere in the app: "193 bytes", "1.5 KB", "20 MB".</summary>
public static class FileSize
{
    private const long Kb = 1024;
    private const long Mb = 1024 * Kb;

    public static string Text(long bytes) => bytes switch
    {
        1 => "1 byte",
        >= Mb => (bytes / (double)Mb).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= Kb => (bytes / (double)Kb).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
