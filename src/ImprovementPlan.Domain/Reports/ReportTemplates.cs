namespace ImprovementPlan.Domain.Reports;

/// <summary>A narrative section a report of a kind carries: its key, heading and place.</summary>
public sealed record SectionTemplate(string Key, string Heading, int Order);

/// <summary>What each kind of report is called and which narrative sections clerks write for it.</summary>
public static class ReportTemplates
{
    public const string BoardSummary = "summary";
    public const string ReviewNotes = "notes";
    public const string PlanIntroduction = "introduction";

    public static IReadOnlyList<SectionTemplate> SectionsFor(ReportKind kind) => kind switch
    {
        ReportKind.ScrutinyReport =>
        [
            new(ReportSectionKeys.Purpose, "Purpose", 1),
            new(ReportSectionKeys.Recommendations, "Recommendations", 2),
            new(ReportSectionKeys.Background, "Background", 3),
            new(ReportSectionKeys.Finance, "Finance", 4),
            new(ReportSectionKeys.Law, "Law", 5),
            new(ReportSectionKeys.EqualityImpact, "Equality Impact", 6),
            new(ReportSectionKeys.HumanResources, "Human Resources/Organisational Development", 7),
            new(ReportSectionKeys.Commercial, "Commercial/Procurement", 8),
            new(ReportSectionKeys.Health, "Health, Wellbeing and Safety", 9),
            new(ReportSectionKeys.Signatory, "Signatory", 10),
            new(ReportSectionKeys.ContactOfficer, "Contact Officer", 11),
        ],
        ReportKind.BoardProgressReport => [new(BoardSummary, "Summary for the Board", 1)],
        ReportKind.CsipReviewPack => [new(ReviewNotes, "Notes for the review", 1)],
        ReportKind.FullActionPlan => [new(PlanIntroduction, "Introduction", 1)],
        _ => [],
    };

    public static string DefaultTitle(ReportKind kind) => kind switch
    {
        ReportKind.ScrutinyReport => "Children’s Services Improvement Plan: progress report",
        ReportKind.BoardProgressReport => "Improvement Board progress report",
        ReportKind.CsipReviewPack => "Children’s Services Improvement Programme (CSIP) review pack",
        ReportKind.FullActionPlan => "Children’s Services Improvement Plan: the full action plan",
        _ => kind.ToString(),
    };

    /// <summary>The kind as people say it, e.g. "Scrutiny Committee report".</summary>
    public static string KindName(ReportKind kind) => kind switch
    {
        ReportKind.ScrutinyReport => "Scrutiny Committee report",
        ReportKind.BoardProgressReport => "Improvement Board progress report",
        ReportKind.CsipReviewPack => "CSIP review pack",
        ReportKind.FullActionPlan => "Full action plan",
        _ => kind.ToString(),
    };

    /// <summary>The start of a PDF's file name, e.g. "scrutiny-report" in scrutiny-report-2021-03-17.pdf.</summary>
    public static string FileStem(ReportKind kind) => kind switch
    {
        ReportKind.ScrutinyReport => "scrutiny-report",
        ReportKind.BoardProgressReport => "improvement-board-report",
        ReportKind.CsipReviewPack => "csip-review-pack",
        ReportKind.FullActionPlan => "action-plan",
        _ => "report",
    };

    public static string FileName(ReportKind kind, DateOnly reportDate, int? version = null) =>
        FileStem(kind) + "-" + reportDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        + (version is { } v ? "-v" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ".pdf";
}
