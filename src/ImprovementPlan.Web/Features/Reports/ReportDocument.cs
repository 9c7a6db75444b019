using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Features.Reports.AsAt;
using ImprovementPlan.Web.Features.Shared;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>
/// Everything one report shows, built from the data as it is now. The same object feeds the
/// HTML preview and the PDF (one Razor template per kind), and its <see cref="Facts"/> are the
/// snapshot stored when the report is published.
/// </summary>
public sealed record ReportDocument(
    ReportSummary Report,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<SnapshotFact> Facts)
{
    public ScrutinyContent? Scrutiny { get; init; }

    public BoardContent? Board { get; init; }

    public ReviewPackContent? ReviewPack { get; init; }

    public ActionPlanContent? ActionPlan { get; init; }

    public SectionView? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    public string KindName => ReportTemplates.KindName(Report.Kind);

    public string FileName => ReportTemplates.FileName(Report.Kind, Report.ReportDate);
}

public sealed record ReportSummary(
    int Id,
    int Version,
    ReportKind Kind,
    string Title,
    DateOnly ReportDate,
    string? AgendaItem,
    string? Author,
    string? Committee,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly AsAt,
    string Organisation,
    string PlanTitle);

/// <summary>A narrative section: paragraphs separated by blank lines; lines starting "• ", "- " or "* " are bullets.</summary>
public sealed record SectionView(string Key, string Heading, int Order, int Version, string Body)
{
    public IReadOnlyList<TextBlock> Blocks => TextBlock.Parse(Body);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Body);
}

/// <summary>A paragraph, or a list of bullets (consecutive bullet lines).</summary>
public sealed record TextBlock(string? Paragraph, IReadOnlyList<string> Bullets)
{
    public static IReadOnlyList<TextBlock> Parse(string? body)
    {
        var blocks = new List<TextBlock>();
        var bullets = new List<string>();
        void Flush()
        {
            if (bullets.Count > 0)
            {
                blocks.Add(new TextBlock(null, [.. bullets]));
                bullets.Clear();
            }
        }

        var paragraphs = (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            // A paragraph may lead into its bullets ("We will:" then "- …" lines) without a blank line.
            var text = new List<string>();
            foreach (var line in paragraph.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsBullet(line))
                {
                    if (text.Count > 0)
                    {
                        Flush();
                        blocks.Add(new TextBlock(string.Join(' ', text), []));
                        text.Clear();
                    }

                    bullets.Add(line[1..].Trim());
                }
                else
                {
                    Flush();
                    text.Add(line);
                }
            }

            Flush();
            if (text.Count > 0)
            {
                blocks.Add(new TextBlock(string.Join(' ', text), []));
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>A bullet starts with "•", or with "-" or "*" followed by a space (what most keyboards can type).</summary>
    private static bool IsBullet(string line) =>
        line.StartsWith('•') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
}

/// <summary>A progress bullet: its lead text, and the sub-items ("◦ …") the council wrote under it.</summary>
public sealed record ProgressItem(DateOnly AsAt, IReadOnlyList<ProgressLine> Lines)
{
    public static ProgressItem Parse(DateOnly asAt, string narrative)
    {
        var lines = narrative.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.Length > 0)
            .Select(l => l.StartsWith('◦') || l.StartsWith("o ", StringComparison.Ordinal)
                ? new ProgressLine(l[1..].Trim(), true)
                : new ProgressLine(l, false))
            .Where(l => l.Text.Length > 0)
            .ToList();
        return new ProgressItem(asAt, lines);
    }
}

public sealed record ProgressLine(string Text, bool IsSubItem);

public sealed record ScrutinyContent(IReadOnlyList<PriorityBlock> Priorities);

public sealed record PriorityBlock(
    int Number,
    string Title,
    string? Heading,
    string WhatNeedsToImprove,
    string WhatOfstedSaid,
    IReadOnlyList<ProgressItem> Progress,
    string? ClosingStatement,
    IReadOnlyList<MeasureView> Measures);

/// <summary>A measure's figure for a period, as a report shows it.</summary>
public sealed record FigureView(string Value, string Period, DateOnly PeriodEnd)
{
    /// <summary>The figure may still change.</summary>
    public bool Provisional { get; init; }

    /// <summary>The date the figure was produced, when known.</summary>
    public DateOnly? AsAt { get; init; }
}

/// <summary>A point of the trajectory; <see cref="Applies"/> marks the target the rating speaks of.</summary>
public sealed record TargetView(string Value, string When, DateOnly Date)
{
    public bool Applies { get; init; }
}

/// <summary>A comparator's latest figure by the report's date, with its period and source.</summary>
public sealed record ComparatorView(string Name, string Value, string? Period)
{
    public string? Source { get; init; }
}

/// <summary>
/// A measure as a report shows it as at the report's date: only figures produced by then, the latest
/// with its period, the one before and the direction of travel, the target that applies, comparators
/// and the rating with its reason; <see cref="NoNewerFigure"/> says when the latest figure is older than
/// the measure's frequency and lag allow.
/// </summary>
public sealed record MeasureView(
    int Id,
    string Code,
    string Name,
    MeasureUnit Unit,
    Polarity Polarity,
    int? PriorityNumber,
    FigureView? Baseline,
    FigureView? Latest,
    IReadOnlyList<FigureView> Actuals,
    IReadOnlyList<TargetView> Trajectory,
    IReadOnlyList<ComparatorView> Comparators,
    MeasureRating Rating,
    ChartModel? Chart)
{
    /// <summary>The figure before the latest.</summary>
    public FigureView? Previous { get; init; }

    /// <summary>The direction of travel in words, e.g. "Better: up from 69% in November 2020".</summary>
    public string? Travel { get; init; }

    /// <summary>The target that applies to the latest figure, e.g. "85% by March 2021".</summary>
    public string? TargetForLatest { get; init; }

    /// <summary>What the trajectory expects for the latest figure's period, e.g. "about 57% for November 2020".</summary>
    public string? Expected { get; init; }

    /// <summary>"No newer figure since January 2021: the figure for February 2021 was due by 31 March 2021.", when one is overdue.</summary>
    public string? NoNewerFigure { get; init; }

    /// <summary>The next figure that was due by the report's date and has not come, for the review pack's list.</summary>
    public OverdueFigure? Overdue { get; init; }
}

/// <summary>A figure due by a date and not produced: the period it is for and when it was due.</summary>
public sealed record OverdueFigure(string Period, DateOnly DueOn);

/// <summary>An action as the reports list it, with today's ratings.</summary>
public sealed record ActionLine(
    int Id,
    string Reference,
    int Sequence,
    string WorkstreamCode,
    string ActionText,
    string? LinkTo,
    string? Timeframe,
    DateOnly? OriginalDueDate,
    DateOnly? DueDate,
    string? Outcome,
    string? HowWillWeKnow,
    string? WhatSuccessLooksLike,
    string? SeniorResponsibleOfficer,
    string? LeadOfficer,
    ActionStatus Status,
    DeliveryRating Delivery,
    Rag? ImpactRag,
    bool IsStale,
    DateOnly? LastApprovedUpdateOn)
{
    public bool IsOverdue(DateOnly today) => Status != ActionStatus.Complete && DueDate is { } due && due < today;

    public int SlippageDays => DueDateSlippage.Days(OriginalDueDate, DueDate);

    public DateOnly? CompletedOnDate { get; init; }

    public bool CompletedOn(DateOnly from, DateOnly to) => CompletedOnDate is { } on && on >= from && on <= to;
}

public sealed record RatingTotals(RagTotalsView Delivery, RagTotalsView Impact);

public sealed record RagTotalsView(int Red, int Amber, int Green, int Blue, int NotRated)
{
    public int Total => Red + Amber + Green + Blue + NotRated;

    public int Count(Rag rag) => rag switch
    {
        Rag.Red => Red,
        Rag.Amber => Amber,
        Rag.Green => Green,
        Rag.Blue => Blue,
        _ => 0,
    };

    public static RagTotalsView Of(IEnumerable<Rag?> ratings)
    {
        var list = ratings.ToList();
        return new RagTotalsView(
            list.Count(r => r == Rag.Red), list.Count(r => r == Rag.Amber), list.Count(r => r == Rag.Green),
            list.Count(r => r == Rag.Blue), list.Count(r => r is null));
    }
}

public sealed record RatingChange(string Reference, string What, string Before, string After);

public sealed record SlippedDate(string Reference, DateOnly? From, DateOnly To, string Reason, DateOnly DecidedOn);

public sealed record BoardContent(
    RatingTotals Totals,
    string? ComparedWith,
    IReadOnlyList<RatingChange> RatingChanges,
    IReadOnlyList<ActionLine> Completions,
    IReadOnlyList<SlippedDate> SlippedDates,
    IReadOnlyList<ActionLine> Red,
    IReadOnlyList<ActionLine> Overdue,
    IReadOnlyList<ActionLine> Stale,
    IReadOnlyList<MeasureView> Measures)
{
    /// <summary>Overdue, Red and stale actions, each listed once with all its reasons.</summary>
    public IReadOnlyList<ExceptionLine> Exceptions { get; init; } = [];

    /// <summary>The last Improvement Board held before the report's date; null when none has been held.</summary>
    public HeldMeeting? LastBoard { get; init; }

    /// <summary>The decisions of every meeting held since the last board (or since the plan began) and before the report's date.</summary>
    public IReadOnlyList<MeetingDecision> DecisionsSinceLastBoard { get; init; } = [];
}

public sealed record AwaitingDecision(string What, string Record, string Author, DateOnly AsAt, string Summary);

public sealed record ReviewPackContent(
    DateOnly NextReview,
    IReadOnlyList<ActionLine> Overdue,
    IReadOnlyList<ActionLine> Red,
    IReadOnlyList<ActionLine> Amber,
    IReadOnlyList<ActionLine> DueBeforeNextReview,
    IReadOnlyList<ActionLine> Stale,
    IReadOnlyList<AwaitingDecision> Awaiting)
{
    /// <summary>Every measure as at the pack's date (figures, direction of travel, target, rating).</summary>
    public IReadOnlyList<MeasureView> Measures { get; init; } = [];

    /// <summary>Measures whose next figure was due by the pack's date and has not been produced.</summary>
    public IReadOnlyList<MeasureView> FiguresOverdue { get; init; } = [];

    /// <summary>Overdue, Red and stale actions, each listed once with all its reasons.</summary>
    public IReadOnlyList<ExceptionLine> Exceptions { get; init; } = [];

    /// <summary>The last CSIP review held before the pack's date; null when none has been held.</summary>
    public HeldMeeting? LastReview { get; init; }

    /// <summary>The decisions recorded at <see cref="LastReview"/>, in agenda order.</summary>
    public IReadOnlyList<MeetingDecision> LastReviewDecisions { get; init; } = [];

    /// <summary>Follow-ups from meetings held before the pack's date that were not confirmed closed by then.</summary>
    public IReadOnlyList<FollowUpAsAt> OpenFollowUps { get; init; } = [];
}

public sealed record WorkstreamGroup(string Code, string Name, string? AccountableLead, IReadOnlyList<string> Outcomes, IReadOnlyList<ActionLine> Actions);

public sealed record ActionPlanContent(IReadOnlyList<WorkstreamGroup> Workstreams)
{
    public int ActionCount => Workstreams.Sum(w => w.Actions.Count);
}
