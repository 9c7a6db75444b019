using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>
/// Starts a new plan from an earlier one: its structure (workstreams, priorities, source reviews and
/// stages still in use), its measures' definitions and its open actions, each new action linked back
/// to the one it came from. Figures, updates and ratings stay with the earlier plan.
/// </summary>
public sealed class CopyPlanHandler(ImprovementPlanDbContext db, SwitchPlanHandler switcher)
{
    /// <summary>The copy form, filled from the plan being copied (its title marked as a copy).</summary>
    public async Task<PlanForm?> FormAsync(int sourceId, CancellationToken ct)
    {
        var source = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == sourceId, ct);
        if (source is null)
        {
            return null;
        }

        var start = source.PeriodEnd.AddDays(1);
        return new PlanForm
        {
            Title = $"{source.Title} (copy)",
            Organisation = source.Organisation,
            PeriodStart = DateParts.From(start),
            PeriodEnd = DateParts.From(start.AddYears(1).AddDays(-1)),
            OldLaCode = source.OldLaCode,
            NewLaCode = source.NewLaCode,
            RegionCode = source.RegionCode,
            RegionName = source.RegionName,
            Summary = source.Summary,
            CopyOfId = source.Id,
            CopyOfTitle = source.Title,
        };
    }

    public async Task<PlanResult> RunAsync(int sourceId, PlanForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var source = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == sourceId, ct);
        if (source is null)
        {
            return PlanResult.NotFound;
        }

        var (valid, errors) = form.Validate();
        if (valid is null)
        {
            return PlanResult.Invalid(errors);
        }

        if (await CreatePlanHandler.IsTakenAsync(db, valid, ct))
        {
            return PlanResult.Invalid(nameof(PlanForm.Title), CreatePlanHandler.DuplicateTitle);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        int planId;
        int copiedActions;
        try
        {
            (planId, copiedActions) = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await CopyAsync(source, valid, ct);
                await transaction.CommitAsync(ct);
                return result;
            });
        }
        catch (DbUpdateException)
        {
            return PlanResult.Invalid(nameof(PlanForm.Title), CreatePlanHandler.DuplicateTitle);
        }

        await switcher.RememberAsync(planId, ct);
        return PlanResult.Saved(planId, string.Create(CultureInfo.GetCultureInfo("en-GB"),
            $"{valid.Title} created from {source.Title}, with {copiedActions} open {(copiedActions == 1 ? "action" : "actions")}. You are now working on it"));
    }

    private async Task<(int PlanId, int Actions)> CopyAsync(Plan source, ValidPlan valid, CancellationToken ct)
    {
        var plan = CreatePlanHandler.NewPlan(valid);
        plan.MarkCopiedFrom(source.Id);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        var workstreams = new Dictionary<int, Workstream>();
        foreach (var w in await db.Workstreams.AsNoTracking().Where(w => w.PlanId == source.Id && w.RetiredOn == null).OrderBy(w => w.SortOrder).ToListAsync(ct))
        {
            var copy = new Workstream(plan.Id, w.Code, w.Name, w.SortOrder, w.AccountableLead, w.Description, w.Outcomes);
            db.Workstreams.Add(copy);
            workstreams[w.Id] = copy;
        }

        var priorities = new Dictionary<int, Priority>();
        foreach (var p in await db.Priorities.AsNoTracking().Where(p => p.PlanId == source.Id && p.RetiredOn == null).ToListAsync(ct))
        {
            var copy = new Priority(plan.Id, p.Number, p.Title, p.Heading, p.WhatNeedsToImprove, p.WhatOfstedSaid, p.ClosingStatement);
            copy.ChangeLead(p.LeadUserId, p.LeadJobTitle);
            copy.MoveTo(p.SortOrder);
            db.Priorities.Add(copy);
            priorities[p.Id] = copy;
        }

        var reviews = new Dictionary<int, SourceReview>();
        foreach (var r in await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == source.Id && r.RetiredOn == null).ToListAsync(ct))
        {
            var copy = new SourceReview(plan.Id, r.Code, r.Title, r.Date, r.DateText);
            copy.MoveTo(r.SortOrder);
            db.SourceReviews.Add(copy);
            reviews[r.Id] = copy;
        }

        foreach (var s in await db.Stages.AsNoTracking().Where(s => s.PlanId == source.Id && s.RetiredOn == null).ToListAsync(ct))
        {
            var copy = new Stage(plan.Id, s.Number, s.Name, s.TargetDate, s.TargetDateText, s.Description, s.Benefits, s.Deliverables);
            copy.MoveTo(s.SortOrder);
            db.Stages.Add(copy);
        }

        await db.SaveChangesAsync(ct);

        foreach (var m in await db.Measures.AsNoTracking().Where(m => m.PlanId == source.Id && m.RetiredOn == null).ToListAsync(ct))
        {
            var priorityId = m.PriorityId is { } id && priorities.TryGetValue(id, out var priority) ? priority.Id : (int?)null;
            db.Measures.Add(new Measure(plan.Id, m.Code, m.Definition with { PriorityId = priorityId }));
        }

        var actions = await db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews)
            .Where(a => a.PlanId == source.Id && a.Status != ActionStatus.Complete).OrderBy(a => a.Sequence).ToListAsync(ct);
        var copied = 0;
        foreach (var action in actions)
        {
            // An action whose workstream was retired has nowhere to go in the new plan; it stays with the old one.
            if (!workstreams.TryGetValue(action.WorkstreamId, out var workstream))
            {
                continue;
            }

            var copy = action.CopyTo(plan.Id, workstream.Id);
            foreach (var p in action.Priorities)
            {
                if (priorities.TryGetValue(p.Id, out var linked))
                {
                    copy.LinkPriority(linked);
                }
            }

            foreach (var r in action.SourceReviews)
            {
                if (reviews.TryGetValue(r.Id, out var linked))
                {
                    copy.LinkSourceReview(linked);
                }
            }

            db.Actions.Add(copy);
            copied++;
        }

        await db.SaveChangesAsync(ct);
        return (plan.Id, copied);
    }
}
