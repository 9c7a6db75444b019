using System.Diagnostics;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Benchmarks;

/// <summary>
/// Builds the large database from the seeded one: the seeded plan stays as it is, and more plans are
/// added beside it, shaped like it (the same workstream codes, priority numbers and, for the first
/// 57 actions, the same references), with two years of progress updates in realistic states, due
/// date requests, measures and their actuals. Everything goes through the app's own DbContext, so the
/// audit trail is written as the app writes it (an "Added" entry per action, per update...).
/// Deterministic: the same seed gives the same database.
/// </summary>
internal static class ScaleDataGenerator
{
    public sealed record Shape(int Plans = 50, int ActionsPerPlan = 100, int Updates = 100_000, int Measures = 500, int Actuals = 20_000);

    public static async Task RunAsync(string dataDirectory, Shape shape)
    {
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(dataDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        if (await db.Plans.CountAsync() > 1)
        {
            Console.WriteLine("The database already holds more than one plan: nothing generated.");
            return;
        }

        var first = await db.Plans.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == first.Id).OrderBy(w => w.SortOrder).ToListAsync();
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == first.Id).OrderBy(p => p.Number).ToListAsync();
        var reviews = await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == first.Id).OrderBy(r => r.Code).ToListAsync();
        var templates = await db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews)
            .Where(a => a.PlanId == first.Id).OrderBy(a => a.Sequence).ToListAsync();

        var random = new Random(20261202);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var generatedPlans = shape.Plans - 1;
        var actionsInAll = generatedPlans * shape.ActionsPerPlan;
        var updatesPerAction = (double)shape.Updates / actionsInAll * 0.95; // the rest go on priorities
        var priorityUpdates = shape.Updates - (int)Math.Round(updatesPerAction * actionsInAll);
        var written = 0;
        var planIds = new List<int>();

        for (var number = 2; number <= shape.Plans; number++)
        {
            db.ChangeTracker.Clear();
            var plan = new Plan($"Children's services improvement plan {number}", $"Council {number:00}", today.AddYears(-1), today.AddYears(1),
                "A generated plan for measuring the app at scale.");
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            planIds.Add(plan.Id);

            var workstreamIds = new Dictionary<int, Workstream>();
            foreach (var w in workstreams)
            {
                var copy = new Workstream(plan.Id, w.Code, w.Name, w.SortOrder, w.AccountableLead, w.Description, w.Outcomes);
                db.Workstreams.Add(copy);
                workstreamIds[w.Id] = copy;
            }

            var priorityIds = new Dictionary<int, Priority>();
            foreach (var p in priorities)
            {
                var copy = new Priority(plan.Id, p.Number, p.Title, p.Heading, p.WhatNeedsToImprove, p.WhatOfstedSaid, p.ClosingStatement);
                db.Priorities.Add(copy);
                priorityIds[p.Id] = copy;
            }

            var reviewIds = new Dictionary<int, SourceReview>();
            foreach (var r in reviews)
            {
                var copy = new SourceReview(plan.Id, r.Code, r.Title, r.Date, r.DateText);
                db.SourceReviews.Add(copy);
                reviewIds[r.Id] = copy;
            }

            await db.SaveChangesAsync();

            var actions = new List<ImprovementAction>();
            for (var i = 0; i < shape.ActionsPerPlan; i++)
            {
                var template = templates[i % templates.Count];
                var reference = i < templates.Count ? template.Reference : $"GA{i + 1}";
                var due = today.AddDays(random.Next(-400, 400));
                var action = new ImprovementAction(plan.Id, workstreamIds[template.WorkstreamId].Id, reference, i + 1,
                    new ActionColumns(template.ActionText, template.LinkTo, template.Timeframe, due, template.Outcome, template.HowWillWeKnow,
                        template.WhatSuccessLooksLike, template.SeniorResponsibleOfficer, template.LeadOfficer, null));
                foreach (var p in template.Priorities)
                {
                    action.LinkPriority(priorityIds[p.Id]);
                }

                foreach (var r in template.SourceReviews)
                {
                    action.LinkSourceReview(reviewIds[r.Id]);
                }

                db.Actions.Add(action);
                actions.Add(action);
            }

            await db.SaveChangesAsync();

            foreach (var action in actions)
            {
                // About 20 updates over two years, roughly monthly; every one approved except, sometimes, the latest.
                var count = Math.Max(1, (int)Math.Round(updatesPerAction + random.Next(-3, 4)));
                ActionStatus? lastStatus = null;
                for (var k = 0; k < count; k++)
                {
                    var asAt = today.AddDays(-730 + (int)((k + random.NextDouble()) * 730 / count));
                    var created = asAt.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                    var isLatest = k == count - 1;
                    var state = isLatest ? LatestState(random) : UpdateState.Approved;
                    var status = k < count / 4 ? ActionStatus.NotStarted : random.Next(10) == 0 && k > count / 2 ? ActionStatus.Complete : ActionStatus.InProgress;
                    lastStatus = status;
                    var update = ProgressUpdate.DraftOnAction(action.Id, null, "Generated author", asAt, $"Progress on {action.Reference} as at {asAt:d MMMM yyyy}.",
                        created);
                    update.Revise(new UpdateContent($"Progress on {action.Reference} as at {asAt:d MMMM yyyy}.", "Next steps agreed.", null,
                        Delivery(random), random.Next(3) == 0 ? Delivery(random) : null, status), asAt);
                    if (status == ActionStatus.Complete)
                    {
                        // Completion is submitted only with evidence (the domain's rule); a link stands in for the file.
                        update.AttachEvidence(Evidence.ForLink(0, "Evidence of completion", new Uri("https://evidence.invalid/" + action.Reference), created, null));
                    }

                    MoveTo(update, state, created, random);
                    db.ProgressUpdates.Add(update);
                    written++;
                }

                // The action's status follows its last update (as approving it would have set it; completion carries evidence).
                action.RecordApprovedProgress(lastStatus, today.AddDays(-random.Next(1, 200)), updateHasEvidence: true);

                // Due date requests: about one action in eight asked for more time; one in thirty is waiting for a decision.
                if (random.Next(8) == 0)
                {
                    var change = new DueDateChange(action.Id, action.DueDate, action.DueDate!.Value.AddDays(random.Next(14, 120)), "More time needed",
                        null, "Generated head of service", now.AddDays(-random.Next(30, 300)));
                    change.Approve(action, null, "Generated director", now.AddDays(-random.Next(1, 29)), "Agreed");
                    db.DueDateChanges.Add(change);
                }

                if (random.Next(30) == 0)
                {
                    db.DueDateChanges.Add(new DueDateChange(action.Id, action.DueDate, action.DueDate!.Value.AddDays(60), "Waiting on a partner",
                        null, "Generated head of service", now.AddDays(-random.Next(1, 20))));
                }
            }

            var perPriority = priorityUpdates / generatedPlans / Math.Max(1, priorityIds.Count);
            foreach (var priority in priorityIds.Values)
            {
                for (var k = 0; k < perPriority; k++)
                {
                    var asAt = today.AddDays(-730 + (int)((k + random.NextDouble()) * 730 / Math.Max(1, perPriority)));
                    var created = asAt.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                    var update = ProgressUpdate.DraftOnPriority(priority.Id, null, "Generated author", asAt, $"Priority {priority.Number} progress.", created);
                    MoveTo(update, k == perPriority - 1 ? LatestState(random) : UpdateState.Approved, created, random);
                    db.ProgressUpdates.Add(update);
                    written++;
                }
            }

            await db.SaveChangesAsync();
            Console.WriteLine($"Plan {number}/{shape.Plans}: {shape.ActionsPerPlan} actions, {written:N0} updates so far ({watch.Elapsed.TotalSeconds:0} s).");
        }

        db.ChangeTracker.Clear();
        var (measures, actuals) = await MeasureGenerator.RunAsync(db, planIds, shape.Measures - await db.Measures.CountAsync(), shape.Actuals, today, random);
        Console.WriteLine($"Generated {generatedPlans} plans, {generatedPlans * shape.ActionsPerPlan:N0} actions, {written:N0} updates, "
            + $"{measures} measures with {actuals:N0} actuals in {watch.Elapsed.TotalSeconds:0} s.");
        Console.WriteLine($"Database now: {await db.Plans.CountAsync()} plans, {await db.Actions.CountAsync():N0} actions, "
            + $"{await db.ProgressUpdates.CountAsync():N0} updates, {await db.AuditEntries.CountAsync():N0} audit entries, "
            + $"{await db.Measures.CountAsync()} measures.");
    }

    private static UpdateState LatestState(Random random) => random.Next(100) switch
    {
        < 10 => UpdateState.Submitted,
        < 15 => UpdateState.Draft,
        < 18 => UpdateState.Returned,
        _ => UpdateState.Approved,
    };

    private static Rag Delivery(Random random) => random.Next(100) switch
    {
        < 50 => Rag.Green,
        < 80 => Rag.Amber,
        < 95 => Rag.Red,
        _ => Rag.Blue,
    };

    private static void MoveTo(ProgressUpdate update, UpdateState state, DateTime created, Random random)
    {
        if (state == UpdateState.Draft)
        {
            return;
        }

        var submitted = created.AddHours(random.Next(1, 48));
        update.Submit(submitted);
        var reviewed = submitted.AddHours(random.Next(2, 120));
        if (state == UpdateState.Approved)
        {
            update.Approve(null, "Generated director", reviewed);
        }
        else if (state == UpdateState.Returned)
        {
            update.Return(null, "Generated director", reviewed, "Please add the figures.");
        }
    }
}
