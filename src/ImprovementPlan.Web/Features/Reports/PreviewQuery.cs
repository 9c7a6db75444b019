using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Reports;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>A report's preview page: the document as it would print now, and its published versions.</summary>
public sealed class PreviewQuery(ImprovementPlanDbContext db, ReportDocumentQuery documents, IPdfRenderer pdf)
{
    public async Task<PreviewPage?> RunAsync(int reportId, bool canPrepare, CancellationToken ct)
    {
        var document = await documents.BuildAsync(reportId, ct);
        return document is null
            ? null
            : new PreviewPage(document, await PublishedVersionRows.ForReportAsync(db, reportId, ct), canPrepare, pdf.Status);
    }
}
