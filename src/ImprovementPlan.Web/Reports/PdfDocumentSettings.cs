namespace ImprovementPlan.Web.Reports;

/// <summary>What a PDF needs beyond its HTML: page orientation, running header and document metadata.</summary>
/// <param name="Title">The document title (also the running header's left-hand text).</param>
/// <param name="DateText">The report date as printed in the running header, e.g. "17 March 2021".</param>
/// <param name="Author">The author written into the PDF's metadata.</param>
/// <param name="Landscape">A4 landscape (the full action plan) rather than portrait.</param>
public sealed record PdfDocumentSettings(string Title, string DateText, string Author, bool Landscape = false)
{
    /// <summary>The PDF's subject metadata.</summary>
    public string? Subject { get; init; }
}
