using System.ComponentModel.DataAnnotations;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Reports;
using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>What a clerk enters to start a report; its sections are pre-filled from the previous report of the kind.</summary>
public sealed class NewReportForm
{
    public ReportKind? Kind { get; set; }

    [StringLength(300, ErrorMessage = "Title must be 300 characters or fewer")]
    public string? Title { get; set; }

    public DateParts ReportDate { get; set; } = new();

    public DateParts PeriodStart { get; set; } = new();

    [StringLength(300, ErrorMessage = "Committee must be 300 characters or fewer")]
    public string? Committee { get; set; }

    [StringLength(20, ErrorMessage = "Agenda item must be 20 characters or fewer")]
    public string? AgendaItem { get; set; }

    [StringLength(300, ErrorMessage = "Author must be 300 characters or fewer")]
    public string? Author { get; set; }
}

/// <summary>A draft's details, which a clerk may correct until it is first published.</summary>
public sealed class DraftDetailsForm
{
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(300, ErrorMessage = "Title must be 300 characters or fewer")]
    public string? Title { get; set; }

    public DateParts ReportDate { get; set; } = new();

    [StringLength(300, ErrorMessage = "Committee must be 300 characters or fewer")]
    public string? Committee { get; set; }

    [StringLength(20, ErrorMessage = "Agenda item must be 20 characters or fewer")]
    public string? AgendaItem { get; set; }

    [StringLength(300, ErrorMessage = "Author must be 300 characters or fewer")]
    public string? Author { get; set; }

    public int Version { get; set; }
}

/// <summary>The page that corrects a draft's details, or says why it cannot (it has been published).</summary>
public sealed record DraftDetailsPage(int ReportId, ReportKind Kind, string Title, bool IsPublished, DraftDetailsForm Form);

/// <summary>The question before deleting a draft.</summary>
public sealed record DeleteDraftPage(int ReportId, ReportKind Kind, string Title, DateOnly ReportDate, bool IsPublished, int Version);

/// <summary>A clerk's edit of one narrative section; <see cref="Version"/> detects a stale form.</summary>
public sealed class SectionForm
{
    [StringLength(20000, ErrorMessage = "The section must be 20,000 characters or fewer")]
    public string? Body { get; set; }

    public int Version { get; set; }
}

public sealed record SectionEditPage(int ReportId, string ReportTitle, ReportKind Kind, string Key, string Heading, SectionForm Form)
{
    /// <summary>The text saved by someone else meanwhile, when the form was stale.</summary>
    public string? ConflictingBody { get; init; }
}

public sealed record PublishedVersionRow(int VersionNumber, string Title, string FileName, string Sha256, DateTime PublishedAtUtc,
    string PublishedByName, int Size);

public sealed record ReportListRow(int Id, ReportKind Kind, string Title, DateOnly ReportDate, int PublishedVersions,
    DateTime? LastPublishedAtUtc);

public sealed record ReportListPage(IReadOnlyList<ReportListRow> Reports, bool CanSeeDrafts, bool CanPrepare);

public sealed record PreviewPage(ReportDocument Document, IReadOnlyList<PublishedVersionRow> Versions, bool CanPrepare,
    PdfRendererStatus Renderer);

public sealed record VersionsPage(int ReportId, ReportKind Kind, string Title, DateOnly ReportDate, bool CanSeeDraft,
    IReadOnlyList<PublishedVersionRow> Versions);

/// <summary>The question before publishing: which report, and which version number it will become.</summary>
public sealed record PublishConfirmationPage(int ReportId, string Title, ReportKind Kind, DateOnly ReportDate, int PublishedVersions,
    PdfRendererStatus Renderer)
{
    public int NextVersion => PublishedVersions + 1;

    /// <summary>What looks unfinished; the publisher must confirm these before publishing.</summary>
    public IReadOnlyList<UnfinishedItem> Unfinished { get; init; } = [];

    /// <summary>Set when the publisher posted without confirming the unfinished items.</summary>
    public string? ConfirmError { get; init; }
}

/// <summary>A published version's page: its details and the body stored when it was published (none for versions published before bodies were kept).</summary>
public sealed record PublishedVersionPage(int ReportId, ReportKind Kind, DateOnly ReportDate, PublishedVersionRow Version, string? BodyHtml,
    int LatestVersionNumber, bool CanSeeDraft)
{
    public bool IsLatest => Version.VersionNumber == LatestVersionNumber;
}

public sealed record ComparePage(int ReportId, string Title, PublishedVersionRow Version, PublishedVersionRow? Previous,
    IReadOnlyList<SnapshotChange> Changes);

/// <summary>The model of the print view: the document and the stylesheet to inline.</summary>
public sealed record PrintPage(ReportDocument Document, string Stylesheet);
