using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Reports.AsAt;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>Builds a <see cref="ReportDocument"/> for any kind of report, from the plan as it stood on the report's date.</summary>
public sealed class ReportDocumentQuery(ImprovementPlanDbContext db, PlanAsAtQuery asAt, MeetingsAsAtQuery meetings, RagSettings settings,
    TimeProvider clock)
{
    public async Task<ReportDocument?> BuildAsync(int reportId, CancellationToken cancellationToken = default)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Sections)
            .SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == report.PlanId, cancellationToken);
        var committee = report.Committee ?? (report.MeetingId is { } meetingId
            ? await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Title).SingleOrDefaultAsync(cancellationToken)
            : null);
        // Ratings are worked out as at the report's date once that date has passed, so a report for
        // a past meeting reads as it would have then; for a coming meeting they are as at today.
        var today = clock.Today() is var now && now < report.ReportDate ? now : report.ReportDate;
        var summary = new ReportSummary(report.Id, report.Version, report.Kind, report.Title, report.ReportDate, report.AgendaItem,
            report.Author, committee, report.PeriodStart, report.PeriodEnd, today, plan.Organisation, plan.Title);
        var sections = report.Sections.OrderBy(s => s.Order)
            .Select(s => new SectionView(s.Key, s.Heading, s.Order, s.Version, s.Body)).ToList();
        var facts = new List<SnapshotFact>
        {
            new("report:title", "Title", report.Title),
            new("report:date", "Report date", ReportFormat.Date(report.ReportDate)),
        };
        if (report.PeriodStart is { } from && report.PeriodEnd is { } to)
        {
            facts.Add(new SnapshotFact("report:period", "Period covered", ReportFormat.Period(from, to)));
        }

        var document = new ReportDocument(summary, sections, facts);
        document = report.Kind switch
        {
            ReportKind.ScrutinyReport => document with { Scrutiny = await ScrutinyAsync(report, today, facts, cancellationToken) },
            ReportKind.BoardProgressReport => document with { Board = await BoardAsync(report, today, facts, cancellationToken) },
            ReportKind.CsipReviewPack => document with { ReviewPack = await ReviewPackAsync(report, today, facts, cancellationToken) },
            ReportKind.FullActionPlan => document with { ActionPlan = await ActionPlanAsync(report, today, facts, cancellationToken) },
            _ => document,
        };
        facts.AddRange(sections.Select(s => new SnapshotFact("section:" + s.Key, s.Heading + " (text)", s.Body)));
        return document;
    }

    private async Task<ScrutinyContent> ScrutinyAsync(Report report, DateOnly today, List<SnapshotFact> facts, CancellationToken ct)
    {
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == report.PlanId).OrderBy(p => p.Number)
            .ToListAsync(ct);
        var (from, to) = Period(report);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var actionIds = db.Actions.Where(a => a.PlanId == report.PlanId).Select(a => a.Id);
        // Only what had been approved by the report's date: a later approval does not rewrite a past report.
        var approvedBy = ApprovedBy(report.ReportDate);
        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.State == UpdateState.Approved && u.AsAt >= from && u.AsAt <= to && u.ReviewedAtUtc < approvedBy)
            .Where(u => (u.PriorityId != null && priorityIds.Contains(u.PriorityId.Value))
                || (u.ActionId != null && actionIds.Contains(u.ActionId.Value)))
            .OrderBy(u => u.Id)
            .Select(u => new { u.PriorityId, u.ActionId, u.AsAt, u.Narrative })
            .ToListAsync(ct);

        // Approved updates on actions appear under each priority the action answers to.
        var actionLinks = await db.Actions.AsNoTracking().Where(a => a.PlanId == report.PlanId)
            .Select(a => new { a.Id, a.Reference, Priorities = a.Priorities.Select(p => p.Id).ToList() })
            .ToListAsync(ct);
        var actionById = actionLinks.ToDictionary(a => a.Id);
        var measures = await MeasuresAsync(report, ct);

        var blocks = new List<PriorityBlock>();
        foreach (var priority in priorities)
        {
            var progress = updates
                .Where(u => u.PriorityId == priority.Id
                    || (u.ActionId is { } actionId && actionById.TryGetValue(actionId, out var a) && a.Priorities.Contains(priority.Id)))
                .Select(u => ProgressItem.Parse(u.AsAt,
                    u.ActionId is { } id && actionById.TryGetValue(id, out var action) ? $"{action.Reference}: {u.Narrative}" : u.Narrative))
                .ToList();
            var priorityMeasures = measures.Where(m => m.PriorityNumber == priority.Number).ToList();
            blocks.Add(new PriorityBlock(priority.Number, priority.Title, priority.Heading, priority.WhatNeedsToImprove,
                priority.WhatOfstedSaid, progress, priority.ClosingStatement, priorityMeasures));
            facts.Add(new SnapshotFact($"priority:{priority.Number}:progress", $"Priority {priority.Number} ({priority.Title}): progress bullets",
                progress.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        AddMeasureFacts(facts, measures);
        return new ScrutinyContent(blocks);
    }

    private async Task<BoardContent> BoardAsync(Report report, DateOnly today, List<SnapshotFact> facts, CancellationToken ct)
    {
        var actions = await ActionsAsync(report.PlanId, today, ct);
        var (from, to) = Period(report);
        AddActionFacts(facts, actions);
        var totals = new RatingTotals(
            RagTotalsView.Of(actions.Select(a => (Rag?)a.Delivery.Rag)),
            RagTotalsView.Of(actions.Select(a => a.ImpactRag)));
        AddTotalsFacts(facts, totals);

        // What changed since the last board report is read from that report's published snapshot.
        var previous = await db.PublishedReports.AsNoTracking()
            .Join(db.Reports.Where(r => r.PlanId == report.PlanId && r.Kind == ReportKind.BoardProgressReport && r.Id != report.Id
                    && r.ReportDate <= report.ReportDate),
                p => p.ReportId, r => r.Id, (p, r) => new { p.Title, p.VersionNumber, p.SnapshotJson, p.PublishedAtUtc, r.ReportDate })
            .OrderByDescending(p => p.ReportDate).ThenByDescending(p => p.PublishedAtUtc)
            .FirstOrDefaultAsync(ct);
        var changes = new List<RatingChange>();
        string? comparedWith = null;
        if (previous is not null)
        {
            comparedWith = $"{previous.Title}, {ReportFormat.Date(previous.ReportDate)} (published version {previous.VersionNumber})";
            var before = ReportSnapshot.Read(previous.SnapshotJson).ToDictionary(f => f.Key, f => f.Value);
            foreach (var action in actions)
            {
                Compare($"action:{action.Reference}:delivery", "Delivery", RagDisplay.Word(action.Delivery.Rag));
                Compare($"action:{action.Reference}:impact", "Impact", Word(action.ImpactRag));
                void Compare(string key, string what, string now)
                {
                    if (before.TryGetValue(key, out var was) && was != now)
                    {
                        changes.Add(new RatingChange(action.Reference, what, was, now));
                    }
                }
            }
        }

        var decidedBy = ApprovedBy(report.ReportDate);
        var slipped = await db.DueDateChanges.AsNoTracking()
            .Where(c => c.State == DueDateChangeState.Approved && c.DecidedAtUtc < decidedBy)
            .Join(db.Actions.Where(a => a.PlanId == report.PlanId), c => c.ActionId, a => a.Id,
                (c, a) => new { a.Reference, a.Sequence, c.FromDate, c.ToDate, c.Reason, c.DecidedAtUtc })
            .ToListAsync(ct);
        var slippedDates = slipped
            .Where(c => c.DecidedAtUtc is { } at && DateOnly.FromDateTime(at) >= from && DateOnly.FromDateTime(at) <= to)
            .OrderBy(c => c.Sequence)
            .Select(c => new SlippedDate(c.Reference, c.FromDate, c.ToDate, c.Reason, DateOnly.FromDateTime(c.DecidedAtUtc!.Value)))
            .ToList();
        var measures = (await MeasuresAsync(report, ct)).Where(m => m.Trajectory.Count > 0).ToList();
        AddMeasureFacts(facts, measures);
        var lastBoard = await meetings.LastHeldAsync(report.PlanId, MeetingKind.ImprovementBoard, report.ReportDate, ct);
        var decisions = await meetings.DecisionsSinceAsync(report.PlanId, lastBoard?.Date, report.ReportDate, ct);
        facts.Add(new SnapshotFact("board:last-board", "Decisions listed since", lastBoard?.NameAndDate ?? "The plan began"));
        AddDecisionFacts(facts, "board", decisions);
        return new BoardContent(
            totals,
            comparedWith,
            changes,
            actions.Where(a => a.Status == ActionStatus.Complete && a.CompletedOn(from, to)).ToList(),
            slippedDates,
            actions.Where(a => a.Delivery.Rag == Rag.Red && !a.IsOverdue(today)).ToList(),
            actions.Where(a => a.IsOverdue(today)).ToList(),
            actions.Where(a => a.IsStale).ToList(),
            measures)
        {
            Exceptions = ExceptionLine.From(actions, today),
            LastBoard = lastBoard,
            DecisionsSinceLastBoard = decisions,
        };
    }

    private async Task<ReviewPackContent> ReviewPackAsync(Report report, DateOnly today, List<SnapshotFact> facts, CancellationToken ct)
    {
        var actions = await ActionsAsync(report.PlanId, today, ct);
        AddActionFacts(facts, actions);
        var nextReview = report.ReportDate.AddDays(settings.ReviewCycleDays);
        var overdue = actions.Where(a => a.IsOverdue(today)).ToList();
        // Awaiting a decision on the report's date: submitted by then and not decided by then.
        var endOfDay = ApprovedBy(report.ReportDate);
        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.SubmittedAtUtc < endOfDay
                && (u.State == UpdateState.Submitted || (u.ReviewedAtUtc != null && u.ReviewedAtUtc >= endOfDay)))
            .OrderBy(u => u.SubmittedAtUtc)
            .Select(u => new { u.ActionId, u.PriorityId, u.AuthorName, u.AsAt, u.Narrative })
            .ToListAsync(ct);
        var references = actions.ToDictionary(a => a.Id, a => a.Reference);
        var priorityTitles = await db.Priorities.AsNoTracking().Where(p => p.PlanId == report.PlanId)
            .ToDictionaryAsync(p => p.Id, p => $"Priority {p.Number}: {p.Title}", ct);
        var awaiting = updates
            .Where(u => (u.ActionId is { } a && references.ContainsKey(a)) || (u.PriorityId is { } p && priorityTitles.ContainsKey(p)))
            .Select(u => new AwaitingDecision("Progress update",
                u.ActionId is { } a ? references[a] : priorityTitles[u.PriorityId!.Value], u.AuthorName, u.AsAt, Shorten(u.Narrative)))
            .ToList();
        var dateChanges = await db.DueDateChanges.AsNoTracking()
            .Where(c => c.RequestedAtUtc < endOfDay
                && (c.State == DueDateChangeState.Pending || (c.DecidedAtUtc != null && c.DecidedAtUtc >= endOfDay)))
            .OrderBy(c => c.RequestedAtUtc)
            .Select(c => new { c.ActionId, c.FromDate, c.ToDate, c.Reason, c.RequestedByName, c.RequestedAtUtc })
            .ToListAsync(ct);
        awaiting.AddRange(dateChanges.Where(c => references.ContainsKey(c.ActionId)).Select(c => new AwaitingDecision(
            "Due date change", references[c.ActionId], c.RequestedByName, DateOnly.FromDateTime(c.RequestedAtUtc),
            $"From {ReportFormat.Date(c.FromDate)} to {ReportFormat.Date(c.ToDate)}: {Shorten(c.Reason)}")));
        facts.Add(new SnapshotFact("pack:awaiting", "Items awaiting a decision",
            awaiting.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var measures = await MeasuresAsync(report, ct);
        AddMeasureFacts(facts, measures);
        var lastReview = await meetings.LastHeldAsync(report.PlanId, MeetingKind.CsipReview, report.ReportDate, ct);
        IReadOnlyList<MeetingDecision> decisions = lastReview is null ? [] : await meetings.DecisionsAtAsync(lastReview, ct);
        var followUps = await meetings.OutstandingFollowUpsAsync(report.PlanId, report.ReportDate, today, ct);
        facts.Add(new SnapshotFact("pack:last-review", "Last CSIP review", lastReview?.NameAndDate ?? "None held before this date"));
        AddDecisionFacts(facts, "pack", decisions);
        foreach (var followUp in followUps)
        {
            facts.Add(new SnapshotFact($"pack:follow-up:{Id(followUp.Id)}", $"Follow-up from the {followUp.Meeting.NameAndDate}: {Shorten(followUp.What)}",
                $"{followUp.Owner}, by {ReportFormat.Date(followUp.DueDate)}: {followUp.Status}"));
        }

        return new ReviewPackContent(
            nextReview,
            overdue,
            actions.Where(a => a.Delivery.Rag == Rag.Red && !a.IsOverdue(today)).ToList(),
            actions.Where(a => a.Delivery.Rag == Rag.Amber).ToList(),
            actions.Where(a => a.Status != ActionStatus.Complete && a.DueDate is { } due && due >= today && due <= nextReview).ToList(),
            actions.Where(a => a.IsStale).ToList(),
            awaiting)
        {
            // By exception: the pack tables every measure but leaves the charts to the scrutiny and board reports.
            Measures = [.. measures.Select(m => m with { Chart = null })],
            FiguresOverdue = [.. measures.Where(m => m.Overdue is not null).OrderBy(m => m.Overdue!.DueOn).ThenBy(m => m.PriorityNumber)],
            Exceptions = ExceptionLine.From(actions, today),
            LastReview = lastReview,
            LastReviewDecisions = decisions,
            OpenFollowUps = followUps,
        };
    }

    private async Task<ActionPlanContent> ActionPlanAsync(Report report, DateOnly today, List<SnapshotFact> facts, CancellationToken ct)
    {
        var actions = await ActionsAsync(report.PlanId, today, ct);
        AddActionFacts(facts, actions);
        foreach (var action in actions)
        {
            facts.Add(new SnapshotFact($"action:{action.Reference}:status", $"{action.Reference} status", RagDisplay.Status(action.Status)));
        }

        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == report.PlanId).OrderBy(w => w.SortOrder)
            .ToListAsync(ct);
        return new ActionPlanContent(workstreams
            .Select(w => new WorkstreamGroup(w.Code, w.Name, w.AccountableLead, w.Outcomes,
                actions.Where(a => a.WorkstreamCode == w.Code).ToList()))
            .ToList());
    }

    /// <summary>The plan's actions as they stood on <paramref name="date"/>: due dates, statuses and ratings as approved or decided by then.</summary>
    private async Task<List<ActionLine>> ActionsAsync(int planId, DateOnly date, CancellationToken ct)
    {
        var onDate = await asAt.ActionsAsync(planId, date, ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).Include(a => a.Workstream)
            .OrderBy(a => a.Sequence).ToListAsync(ct);
        return actions.Select(a =>
        {
            var then = onDate[a.Id];
            var state = then.State;
            return new ActionLine(a.Id, a.Reference, a.Sequence, a.Workstream?.Code ?? string.Empty, a.ActionText, a.LinkTo, a.Timeframe,
                a.OriginalDueDate, state.DueDate, a.Outcome, a.HowWillWeKnow, a.WhatSuccessLooksLike, a.SeniorResponsibleOfficer,
                a.LeadOfficer, state.Status, then.Delivery, state.ImpactRag, then.IsStale, state.LastApprovedUpdateOn)
            {
                CompletedOnDate = state.CompletedOn,
            };
        }).ToList();
    }

    /// <summary>
    /// The first UTC instant after <paramref name="date"/> ends in the UK: anything stamped before it happened by that date.
    /// Records are cut off at the report's own date: for a meeting still to come nothing later exists yet.
    /// </summary>
    private static DateTime ApprovedBy(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Clock.UkTime);

    /// <summary>The plan's measures as at the report's date (today, for a report whose date has not come): figures produced by then only.</summary>
    private async Task<List<MeasureView>> MeasuresAsync(Report report, CancellationToken ct)
    {
        var asAt = clock.Today() is var now && now < report.ReportDate ? now : report.ReportDate;
        var numbers = await db.Priorities.AsNoTracking().Where(p => p.PlanId == report.PlanId).ToDictionaryAsync(p => p.Id, p => p.Number, ct);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == report.PlanId)
            .Include(m => m.Targets).Include(m => m.Actuals).Include(m => m.Comparators)
            .OrderBy(m => m.Id).AsSplitQuery().ToListAsync(ct);
        return [.. measures.Where(m => !m.IsRetiredBy(asAt))
            .Select(m => MeasureFigures.For(m, m.PriorityId is { } id ? numbers.GetValueOrDefault(id) : null, asAt))];
    }

    private static void AddMeasureFacts(List<SnapshotFact> facts, IEnumerable<MeasureView> measures)
    {
        foreach (var m in measures)
        {
            if (m.Latest is { } latest)
            {
                facts.Add(new SnapshotFact($"measure:{m.Code}:latest", $"{m.Name}: latest actual", $"{latest.Value} ({latest.Period})"));
            }

            if (m.Trajectory.Count > 0)
            {
                facts.Add(new SnapshotFact($"measure:{m.Code}:targets", $"{m.Name}: target trajectory",
                    string.Join("; ", m.Trajectory.Select(t => $"{t.Value} by {t.When}"))));
            }

            facts.Add(new SnapshotFact($"measure:{m.Code}:rag", $"{m.Name}: rating", m.Rating.Word));
        }
    }

    private static void AddActionFacts(List<SnapshotFact> facts, IEnumerable<ActionLine> actions)
    {
        foreach (var a in actions)
        {
            facts.Add(new SnapshotFact($"action:{a.Reference}:delivery", $"{a.Reference} delivery rating", RagDisplay.Word(a.Delivery.Rag)));
            facts.Add(new SnapshotFact($"action:{a.Reference}:impact", $"{a.Reference} impact rating", Word(a.ImpactRag)));
            facts.Add(new SnapshotFact($"action:{a.Reference}:due", $"{a.Reference} due date", ReportFormat.Date(a.DueDate)));
        }
    }

    /// <summary>Each decision as a fact, so a later version's comparison shows decisions added, amended or dropped.</summary>
    private static void AddDecisionFacts(List<SnapshotFact> facts, string prefix, IEnumerable<MeetingDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            facts.Add(new SnapshotFact($"{prefix}:decision:{Id(decision.ItemId)}",
                $"Decision at the {decision.Meeting.NameAndDate}: {Shorten(decision.Concerning)}", decision.Decision));
        }
    }

    private static void AddTotalsFacts(List<SnapshotFact> facts, RatingTotals totals)
    {
        foreach (var rag in RagDisplay.InOrder)
        {
            var word = RagDisplay.Word(rag);
            facts.Add(new SnapshotFact($"totals:delivery:{word}", $"Actions rated {word} for delivery",
                totals.Delivery.Count(rag).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            facts.Add(new SnapshotFact($"totals:impact:{word}", $"Actions rated {word} for impact",
                totals.Impact.Count(rag).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static (DateOnly From, DateOnly To) Period(Report report) =>
        (report.PeriodStart ?? DateOnly.MinValue, report.PeriodEnd ?? report.ReportDate);

    private static string Word(Rag? rag) => rag is { } r ? RagDisplay.Word(r) : "Not rated";

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..237].TrimEnd() + "…";
}
