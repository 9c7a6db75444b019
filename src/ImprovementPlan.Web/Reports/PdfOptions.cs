using System.ComponentModel.DataAnnotations;

namespace ImprovementPlan.Web.Reports;

/// <summary>The PDF renderer's settings, bound from the "Pdf" configuration section and checked at start-up.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium (or Chrome) executable; Debian's package installs it at /usr/bin/chromium.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many PDFs may be printed at once; each render holds a browser tab.</summary>
    [Range(1, 32)]
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>How long a request waits for a free render slot before it is told to try again (429); 0 refuses at once.</summary>
    [Range(0, 300)]
    public int QueueWaitSeconds { get; set; } = 15;

    /// <summary>How long one render may take, from opening the tab to the PDF bytes.</summary>
    [Range(1, 600)]
    public int RenderTimeoutSeconds { get; set; } = 60;

    /// <summary>How long launching the browser may take.</summary>
    [Range(1, 300)]
    public int LaunchTimeoutSeconds { get; set; } = 30;
}
