using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Domain.Updates;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Data.Seeding;

/// <summary>
/// Loads the council's plan from the seed files (Data/Seed). Idempotent: it adds only what is
/// missing, matched on the plan's own keys (codes, numbers, references), and never overwrites a
/// record people may since have edited. Running it twice changes nothing.
/// </summary>
public sealed partial class PlanSeeder(ImprovementPlanDbContext db, ILogger<PlanSeeder> logger, WorkingDays workingDays)
{
    /// <summary>How seeded progress updates are attributed: the council's report they come from.</summary>
    public const string SeedAuthor = "Director of Children’s Services";

    public const string SeedReviewer = "Children’s Services Scrutiny Committee report, 17 March 2021";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var document = SeedDocuments.Read<PlanDocument>("plan.json");
        var actions = SeedDocuments.Read<List<ActionSeed>>("actions.json");
        var priorities = SeedDocuments.Read<List<PrioritySeed>>("priorities.json");
        var measures = SeedDocuments.Read<List<MeasureSeed>>("measures.json");
        var links = SeedDocuments.Read<Dictionary<string, int[]>>("action-priorities.json");
        var report = SeedDocuments.Read<ScrutinyReportSeed>("scrutiny-report-2021-03-17.json");

        // SQL Server retries transient failures; a retrying strategy needs the whole transaction
        // handed to it so it can run it again from the start.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            var plan = await SeedPlanAsync(document.Plan, ct);
            var reviews = await SeedSourceReviewsAsync(plan, document.SourceReviews, ct);
            await SeedStagesAsync(plan, document.Stages, ct);
            var workstreams = await SeedWorkstreamsAsync(plan, document.Workstreams, ct);
            var priorityByNumber = await SeedPrioritiesAsync(plan, priorities, ct);
            await SeedActionsAsync(plan, actions, workstreams, reviews, priorityByNumber, links, ct);
            await SeedMeasuresAsync(plan, measures, priorityByNumber, ct);
            await SeedScrutinyReportAsync(plan, report, ct);

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private async Task<Plan> SeedPlanAsync(PlanHeader header, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Organisation == header.Organisation && p.Title == header.Title, ct);
        if (plan is null)
        {
            plan = new Plan(header.Title, header.Organisation, header.PeriodStart, header.PeriodEnd, header.Summary);
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ct);
            LogSeeded(logger, plan.Title);
        }

        // The LA codes came after the first release: a plan seeded before them gets them once, and keeps any set since.
        if (!plan.HasLaCodes && header.Council is { } council)
        {
            plan.SetLaCodes(council.OldLaCode, council.NewLaCode, council.RegionCode, council.RegionName);
            await db.SaveChangesAsync(ct);
        }

        return plan;
    }

    private async Task<Dictionary<string, SourceReview>> SeedSourceReviewsAsync(Plan plan, IEnumerable<SourceReviewSeed> seeds, CancellationToken ct)
    {
        var existing = await db.SourceReviews.Where(s => s.PlanId == plan.Id).ToDictionaryAsync(s => s.Code, ct);
        foreach (var seed in seeds.Where(s => !existing.ContainsKey(s.Code)))
        {
            var review = new SourceReview(plan.Id, seed.Code, seed.Title, seed.Date, seed.DateText);
            db.SourceReviews.Add(review);
            existing[seed.Code] = review;
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    private async Task SeedStagesAsync(Plan plan, IEnumerable<StageSeed> seeds, CancellationToken ct)
    {
        var existing = await db.Stages.Where(s => s.PlanId == plan.Id).Select(s => s.Number).ToListAsync(ct);
        foreach (var seed in seeds.Where(s => !existing.Contains(s.Number)))
        {
            db.Stages.Add(new Stage(plan.Id, seed.Number, seed.Name, seed.TargetDate, seed.TargetDateText, seed.Description,
                seed.Benefits, seed.Deliverables));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, Workstream>> SeedWorkstreamsAsync(Plan plan, IReadOnlyList<WorkstreamSeed> seeds, CancellationToken ct)
    {
        var existing = await db.Workstreams.Where(w => w.PlanId == plan.Id).ToDictionaryAsync(w => w.Code, ct);
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            if (!existing.ContainsKey(seed.Code))
            {
                var workstream = new Workstream(plan.Id, seed.Code, seed.Name, i + 1, seed.AccountableLead, seed.Description, seed.Outcomes);
                db.Workstreams.Add(workstream);
                existing[seed.Code] = workstream;
            }
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    private async Task<Dictionary<int, Priority>> SeedPrioritiesAsync(Plan plan, IEnumerable<PrioritySeed> seeds, CancellationToken ct)
    {
        var existing = await db.Priorities.Where(p => p.PlanId == plan.Id).ToDictionaryAsync(p => p.Number, ct);
        var added = new List<(Priority Priority, PrioritySeed Seed)>();
        foreach (var seed in seeds.Where(s => !existing.ContainsKey(s.Number)))
        {
            var priority = new Priority(plan.Id, seed.Number, seed.Title, seed.Heading, seed.WhatNeedsToImprove, seed.WhatOfstedSaid,
                seed.ClosingStatement);
            db.Priorities.Add(priority);
            existing[seed.Number] = priority;
            added.Add((priority, seed));
        }

        await db.SaveChangesAsync(ct);

        // The report's "progress so far" bullets arrive with their priority, approved: they were
        // published to the committee. A priority already in the database keeps the updates it has.
        var reviewedAt = new DateTime(2021, 3, 17, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (priority, seed) in added)
        {
            foreach (var bullet in seed.ProgressUpdates)
            {
                var writtenAt = bullet.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var update = ProgressUpdate.DraftOnPriority(priority.Id, null, SeedAuthor, bullet.Date, bullet.Text, writtenAt);
                update.Submit(writtenAt);
                update.Approve(null, SeedReviewer, reviewedAt, bullet.DateBasis);
                db.ProgressUpdates.Add(update);
            }
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    private async Task SeedActionsAsync(Plan plan, List<ActionSeed> seeds, IReadOnlyDictionary<string, Workstream> workstreams,
        IReadOnlyDictionary<string, SourceReview> reviews, IReadOnlyDictionary<int, Priority> priorities,
        IReadOnlyDictionary<string, int[]> links, CancellationToken ct)
    {
        var existing = await db.Actions.Where(a => a.PlanId == plan.Id).Select(a => a.Reference).ToHashSetAsync(ct);
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            if (existing.Contains(seed.Reference))
            {
                continue;
            }

            var workstream = workstreams.GetValueOrDefault(seed.Workstream)
                ?? throw new InvalidOperationException($"Action {seed.Reference} names unknown workstream {seed.Workstream}.");
            var action = new ImprovementAction(plan.Id, workstream.Id, seed.Reference, i + 1, new ActionColumns(
                seed.Action, seed.LinkTo, seed.Timeframe, seed.DueDate, seed.Outcome, seed.HowWillWeKnow, seed.WhatSuccessLooksLike,
                seed.SeniorResponsibleOfficer, seed.LeadOfficer, seed.TranscriptionNote));
            foreach (var code in seed.SourceCodes)
            {
                action.LinkSourceReview(reviews.GetValueOrDefault(code)
                    ?? throw new InvalidOperationException($"Action {seed.Reference} names unknown source review {code}."));
            }

            foreach (var number in links.GetValueOrDefault(seed.Reference, []))
            {
                action.LinkPriority(priorities.GetValueOrDefault(number)
                    ?? throw new InvalidOperationException($"Action {seed.Reference} is mapped to unknown priority {number}."));
            }

            db.Actions.Add(action);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedMeasuresAsync(Plan plan, IEnumerable<MeasureSeed> seeds, IReadOnlyDictionary<int, Priority> priorities, CancellationToken ct)
    {
        var existing = await db.Measures.Where(m => m.PlanId == plan.Id)
            .Include(m => m.Targets).Include(m => m.Actuals).Include(m => m.Comparators)
            .AsSplitQuery()
            .ToDictionaryAsync(m => m.Code, ct);
        foreach (var seed in seeds)
        {
            int? priorityId = seed.Priority is { } number
                ? (priorities.GetValueOrDefault(number)
                    ?? throw new InvalidOperationException($"Measure {seed.Code} names unknown priority {number}.")).Id
                : null;
            if (existing.TryGetValue(seed.Code, out var measure))
            {
                UpgradeMeasure(measure, seed, priorityId);
                continue;
            }

            measure = new Measure(plan.Id, seed.Code, Definition(seed, priorityId));
            measure.SetSourceText(seed.SourceText);
            if (seed.Baseline is { } baseline)
            {
                measure.SetBaseline(baseline.Value, new MeasurePeriod(baseline.PeriodStart, baseline.PeriodEnd), baseline.PeriodLabel);
            }

            foreach (var target in seed.Targets)
            {
                measure.AddTarget(target.Date, target.Value, target.Label, target.Note, target.DateAssumed);
            }

            foreach (var actual in seed.Actuals)
            {
                measure.RecordActual(new MeasurePeriod(actual.PeriodStart, actual.PeriodEnd), actual.Value, actual.Note, actual.Provisional,
                    actual.AsAt ?? actual.PeriodEnd, null, SeedReviewer, actual.PeriodLabel);
            }

            foreach (var comparator in seed.Comparators)
            {
                measure.RecordComparator(comparator.Kind ?? MeasureComparator.KindFromName(comparator.Name), comparator.Name, comparator.Value,
                    comparator.PeriodStart is { } from && comparator.PeriodEnd is { } to ? new MeasurePeriod(from, to) : null,
                    comparator.PeriodLabel, comparator.Source, null);
            }

            db.Measures.Add(measure);
        }

        await db.SaveChangesAsync(ct);
    }

    private static MeasureDefinition Definition(MeasureSeed seed, int? priorityId) => new()
    {
        Name = seed.Name,
        Description = seed.Description,
        Unit = seed.Unit,
        DecimalPlaces = seed.DecimalPlaces,
        Polarity = seed.Polarity,
        Tolerance = seed.Tolerance,
        Frequency = seed.Frequency,
        LagDays = seed.LagDays,
        Owner = seed.Owner,
        Source = seed.Source,
        PriorityId = priorityId,
        TrajectoryShape = seed.TrajectoryShape,
    };

    /// <summary>
    /// A measure seeded before measures had definitions (no description, lag or tolerance, figures without a
    /// production date) takes the seed's definition, baseline and dates; one anybody has since defined is left alone.
    /// </summary>
    private static void UpgradeMeasure(Measure measure, MeasureSeed seed, int? priorityId)
    {
        foreach (var actual in measure.Actuals.Where(a => a.AsAt == default))
        {
            var match = seed.Actuals.FirstOrDefault(s => s.PeriodStart == actual.PeriodStart && s.PeriodEnd == actual.PeriodEnd);
            measure.DateProductionOfActual(actual.Id, match?.AsAt ?? actual.PeriodEnd);
        }

        measure.ClassifyComparatorsByName();
        if (measure.Description is not null || measure.LagDays != 0 || measure.Tolerance != 0)
        {
            return;
        }

        measure.Redefine(Definition(seed, priorityId) with { DataOwnerUserId = measure.DataOwnerUserId });
        if (seed.Baseline is { } baseline && measure.BaselineValue is null)
        {
            measure.SetBaseline(baseline.Value, new MeasurePeriod(baseline.PeriodStart, baseline.PeriodEnd), baseline.PeriodLabel);
        }

        foreach (var target in measure.Targets.ToList())
        {
            if (seed.Targets.FirstOrDefault(t => t.Date == target.Date && t.Value == target.Value) is { } match)
            {
                measure.ChangeTarget(target.Id, match.Date, match.Value, match.Label, match.Note, match.DateAssumed);
            }
        }
    }

    private async Task SeedScrutinyReportAsync(Plan plan, ScrutinyReportSeed seed, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(
            m => m.PlanId == plan.Id && m.Kind == MeetingKind.ScrutinyCommittee && m.Date == seed.MeetingDate, ct);
        if (meeting is null)
        {
            meeting = new Meeting(plan.Id, MeetingKind.ScrutinyCommittee, seed.Committee, seed.MeetingDate, workingDays);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
        }

        var existing = await db.Reports.Where(
            r => r.PlanId == plan.Id && r.Kind == ReportKind.ScrutinyReport && r.ReportDate == seed.MeetingDate)
            .Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            await SeedReportAgendaItemAsync(plan, meeting, existingId, seed, ct);
            return;
        }

        var report = new Report(plan.Id, ReportKind.ScrutinyReport, seed.Title, seed.MeetingDate, meeting.Id);
        // The report covers progress since September 2020, the earliest dated bullet in it.
        report.Describe(seed.AgendaItem, seed.Author, new DateOnly(2020, 9, 1), seed.MeetingDate);
        var order = 0;
        void Section(string key, string heading, IEnumerable<string> paragraphs) =>
            report.SetSection(key, heading, ++order, string.Join("\n\n", paragraphs));

        // Bullets as the section editor's hint asks for them ("- "), one list per section as the council printed them.
        Section(ReportSectionKeys.Purpose, "Purpose", [string.Join("\n", seed.Purpose.Select(p => "- " + p))]);
        Section(ReportSectionKeys.Recommendations, "Recommendations",
            new[] { seed.RecommendationsIntro }.OfType<string>().Append(string.Join("\n", seed.Recommendations.Select(r => "- " + r))));
        Section(ReportSectionKeys.Background, "Background", seed.Background);
        Section(ReportSectionKeys.Finance, "Finance", seed.Finance);
        Section(ReportSectionKeys.Law, "Law", seed.Law);
        Section(ReportSectionKeys.EqualityImpact, "Equality Impact", seed.EqualityImpact);
        Section(ReportSectionKeys.HumanResources, "Human Resources/Organisational Development", seed.HumanResources);
        Section(ReportSectionKeys.Commercial, "Commercial/Procurement", seed.Commercial);
        Section(ReportSectionKeys.Health, "Health, Wellbeing and Safety", seed.HealthWellbeingSafety);
        Section(ReportSectionKeys.Signatory, "Signatory", [seed.Signatory.Name, seed.Signatory.Role]);
        Section(ReportSectionKeys.ContactOfficer, "Contact Officer",
            new[] { seed.ContactOfficer.Name, Prefixed("Telephone: ", seed.ContactOfficer.Telephone), Prefixed("Email: ", seed.ContactOfficer.Email) }
                .OfType<string>());
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        await SeedReportAgendaItemAsync(plan, meeting, report.Id, seed, ct);
    }

    /// <summary>The committee's agenda names the report under the item number the council gave it.</summary>
    private async Task SeedReportAgendaItemAsync(Plan plan, Meeting meeting, int reportId, ScrutinyReportSeed seed, CancellationToken ct)
    {
        if (await db.AgendaItems.AnyAsync(i => i.MeetingId == meeting.Id && i.Subject == AgendaSubject.Report && i.SubjectId == reportId, ct))
        {
            return;
        }

        db.AgendaItems.Add(new AgendaItem(plan.Id, meeting.Id, 1, AgendaItemKind.Report, AgendaSubject.Report, reportId,
            $"Agenda item {seed.AgendaItem}: {seed.Title}", []));
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded plan {PlanTitle}")]
    private static partial void LogSeeded(ILogger logger, string planTitle);

    private static string? Prefixed(string prefix, string? value) => value is null ? null : prefix + value;
}
