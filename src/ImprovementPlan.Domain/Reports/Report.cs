using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Reports;

public enum ReportKind
{
    ScrutinyReport = 0,
    BoardProgressReport = 1,
    CsipReviewPack = 2,
    FullActionPlan = 3,
}

/// <summary>A report being prepared for a meeting, with its editable narrative sections.</summary>
public class Report : Entity
{
    private readonly List<ReportSection> _sections = [];

    private Report()
    {
        Title = string.Empty;
    }

    public Report(int planId, ReportKind kind, string title, DateOnly reportDate, int? meetingId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        PlanId = planId;
        Kind = kind;
        Title = title;
        ReportDate = reportDate;
        MeetingId = meetingId;
    }

    public int PlanId { get; private set; }

    public ReportKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateOnly ReportDate { get; private set; }

    public int? MeetingId { get; private set; }

    public string? AgendaItem { get; private set; }

    /// <summary>The committee or board the report goes to, as printed on it (e.g. "Children and Young People Scrutiny Committee").</summary>
    public string? Committee { get; private set; }

    public string? Author { get; private set; }

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    public IReadOnlyCollection<ReportSection> Sections => _sections;

    public void Describe(string? agendaItem, string? author, DateOnly? periodStart, DateOnly? periodEnd)
    {
        AgendaItem = agendaItem;
        Author = author;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
    }

    /// <summary>The committee the report goes to; empty clears it.</summary>
    public void AddressTo(string? committee) => Committee = string.IsNullOrWhiteSpace(committee) ? null : committee.Trim();

    /// <summary>Corrects a draft's title and date (a report once published keeps its versions as they were).</summary>
    public void Correct(string title, DateOnly reportDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title.Trim();
        if (PeriodEnd == ReportDate)
        {
            PeriodEnd = reportDate;
        }

        ReportDate = reportDate;
    }

    /// <summary>Rewrites the body of an existing section; the heading stays as the template sets it.</summary>
    public void WriteSection(string key, string body)
    {
        var section = _sections.Find(s => s.Key == key)
            ?? throw new DomainRuleException($"This report has no section called {key}.");
        section.Rewrite(section.Heading, body);
    }

    public void SetSection(string key, string heading, int order, string body)
    {
        var section = _sections.Find(s => s.Key == key);
        if (section is null)
        {
            _sections.Add(new ReportSection(key, heading, order, body));
        }
        else
        {
            section.Rewrite(heading, body);
        }
    }
}

/// <summary>A narrative section of a report (e.g. Purpose, Finance), edited by clerks.</summary>
public class ReportSection : Entity
{
    private ReportSection()
    {
        Key = Heading = Body = string.Empty;
    }

    internal ReportSection(string key, string heading, int order, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Heading = heading;
        Order = order;
        Body = body;
    }

    public int ReportId { get; private set; }

    public string Key { get; private set; }

    public string Heading { get; private set; }

    public int Order { get; private set; }

    public string Body { get; private set; }

    internal void Rewrite(string heading, string body)
    {
        Heading = heading;
        Body = body;
    }
}

/// <summary>An immutable published snapshot of a report: the exact PDF bytes and their SHA-256.</summary>
public class PublishedReport
{
    private PublishedReport()
    {
        Title = FileName = Sha256 = PublishedByName = string.Empty;
        PdfBytes = [];
    }

    public PublishedReport(int reportId, int versionNumber, string title, string fileName, byte[] pdfBytes, string sha256,
        DateTime publishedAtUtc, string? publishedByUserId, string publishedByName, string? snapshotJson, string? bodyHtml = null)
    {
        ArgumentNullException.ThrowIfNull(pdfBytes);
        ReportId = reportId;
        VersionNumber = versionNumber;
        Title = title;
        FileName = fileName;
        PdfBytes = pdfBytes;
        Sha256 = sha256;
        PublishedAtUtc = publishedAtUtc;
        PublishedByUserId = publishedByUserId;
        PublishedByName = publishedByName;
        SnapshotJson = snapshotJson;
        BodyHtml = bodyHtml;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public int VersionNumber { get; private set; }

    public string Title { get; private set; }

    public string FileName { get; private set; }

#pragma warning disable CA1819 // The stored bytes are the point of a snapshot.
    public byte[] PdfBytes { get; private set; }
#pragma warning restore CA1819

    public string Sha256 { get; private set; }

    public DateTime PublishedAtUtc { get; private set; }

    public string? PublishedByUserId { get; private set; }

    public string PublishedByName { get; private set; }

    /// <summary>The figures, ratings and dates the PDF was made from, so versions can be compared.</summary>
    public string? SnapshotJson { get; private set; }

    /// <summary>
    /// The report's body as HTML, rendered from the same data at the same moment as the PDF, so the
    /// published version can be read in a browser (with a screen reader, or zoomed) as well as printed.
    /// </summary>
    public string? BodyHtml { get; private set; }
}
