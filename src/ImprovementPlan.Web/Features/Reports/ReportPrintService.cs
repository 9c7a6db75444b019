using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Reports;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Turns a report into the self-contained HTML Chromium prints, and prints drafts.</summary>
public sealed class ReportPrintService(ReportDocumentQuery documents, ReportHtmlRenderer html, IPdfRenderer pdf)
{
    public const string PrintView = "/Features/Reports/Print.cshtml";

    /// <summary>The report's body alone, stored with each published version for reading in the browser.</summary>
    public const string PublishedBodyView = "/Features/Reports/PublishedBody.cshtml";

    /// <summary>The report as self-contained HTML for Chromium (styles inlined, no URLs to fetch).</summary>
    public async Task<(string Html, ReportDocument Document)?> PrintHtmlAsync(ActionContext context, int reportId, CancellationToken ct)
    {
        var document = await documents.BuildAsync(reportId, ct);
        if (document is null)
        {
            return null;
        }

        return (await html.RenderAsync(context, PrintView, new PrintPage(document, html.PrintStylesheet)), document);
    }

    /// <summary>Prints the report as it stands now (a draft).</summary>
    public async Task<(byte[] Bytes, string FileName)?> DraftPdfAsync(ActionContext context, int reportId, CancellationToken ct)
    {
        if (await PrintHtmlAsync(context, reportId, ct) is not { } printed)
        {
            return null;
        }

        return (await pdf.RenderAsync(printed.Html, Settings(printed.Document), ct), printed.Document.FileName);
    }

    public static PdfDocumentSettings Settings(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var report = document.Report;
        return new PdfDocumentSettings(report.Title, ReportFormat.Date(report.ReportDate), report.Author ?? report.Organisation,
            report.Kind == ReportKind.FullActionPlan)
        {
            Subject = $"{document.KindName} – {report.Organisation}",
        };
    }
}
