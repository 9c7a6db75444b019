using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.ActionEditing;

/// <summary>The result of saving the edit form.</summary>
public enum SaveResult
{
    NotFound,
    Invalid,
    Saved,
    Conflict,
}

/// <summary>Loads, validates and saves the add and edit forms of an action.</summary>
public sealed partial class ActionEditingHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, UserManager<ApplicationUser> users)
{
    /// <summary>The edit form filled from the saved action, or null when there is no such action.</summary>
    public async Task<ActionForm?> FormForAsync(string reference, CancellationToken ct)
    {
        var planId = await PlanIdAsync(ct);
        var wanted = reference.ToUpperInvariant();
        var action = await db.Actions.AsNoTracking()
            .Include(a => a.Priorities).Include(a => a.SourceReviews)
            .SingleOrDefaultAsync(a => a.PlanId == planId && a.Reference == wanted, ct);
        return action is null ? null : FormFrom(action);
    }

    /// <summary>
    /// The choices the add and edit forms offer: workstreams, priorities and source reviews in use, plus,
    /// when editing, a retired one the action is already linked to (marked retired, so a save keeps it).
    /// </summary>
    public async Task<ActionFormOptions> OptionsAsync(string? currentLeadUserId, string? editingReference, CancellationToken ct)
    {
        var planId = await PlanIdAsync(ct);
        var current = await CurrentLinksAsync(planId, editingReference, ct);
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == planId && (w.RetiredOn == null || w.Id == current.WorkstreamId))
            .OrderBy(w => w.SortOrder).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId && (p.RetiredOn == null || current.PriorityIds.Contains(p.Id)))
            .OrderBy(p => p.Number).ToListAsync(ct);
        var reviews = await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == planId && (r.RetiredOn == null || current.SourceReviewIds.Contains(r.Id)))
            .OrderBy(r => r.Id).ToListAsync(ct);
        var leads = await LeadChoicesAsync(currentLeadUserId);

        return new ActionFormOptions(
            [new SelectListItem("Select a workstream", ""), .. workstreams.Select(w => new SelectListItem($"{w.Code} – {w.Name}{Retired(w.IsRetired)}", Id(w.Id)))],
            [.. priorities.Select(p => new Choice(p.Id, $"{p.Number}. {p.Title}{Retired(p.IsRetired)}", null))],
            [.. reviews.Select(r => new Choice(r.Id, r.Code + Retired(r.IsRetired), r.Title))],
            [new SelectListItem("No one", ""), .. leads.Select(u => new SelectListItem(u.Label, u.Id))]);
    }

    /// <summary>
    /// Saves the edit form over the action, provided nobody saved it since the form was shown
    /// (<see cref="ActionForm.Version"/>). On a conflict nothing is written and the differences are returned.
    /// </summary>
    public async Task<(SaveResult Result, IReadOnlyList<FieldDifference> Differences, int SavedVersion)> SaveAsync(
        string reference, ActionForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await PlanIdAsync(ct);
        var wanted = reference.ToUpperInvariant();
        var action = await db.Actions.Include(a => a.Priorities).Include(a => a.SourceReviews)
            .SingleOrDefaultAsync(a => a.PlanId == planId && a.Reference == wanted, ct);
        if (action is null)
        {
            return (SaveResult.NotFound, [], 0);
        }

        var choices = await ValidateAsync(planId, form, action.LeadUserId, modelState, ct, CurrentLinks.Of(action));
        if (!modelState.IsValid)
        {
            return (SaveResult.Invalid, [], 0);
        }

        var linksBefore = LinkKey(action);
        action.Edit(form.WorkstreamId!.Value, Columns(form, action.DueDate));
        action.ReplacePriorities(choices.Priorities);
        action.ReplaceSourceReviews(choices.Reviews);
        action.AssignLead(choices.LeadUserId);

        var entry = db.Entry(action);
        entry.Property(a => a.Version).OriginalValue = form.Version;
        if (LinkKey(action) != linksBefore)
        {
            // Links live in join tables; touching the version makes a change of links alone
            // subject to the same concurrency check as a change of text.
            entry.Property(a => a.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return (SaveResult.Saved, [], action.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews)
                .SingleAsync(a => a.Id == action.Id, ct);
            return (SaveResult.Conflict, await DifferencesAsync(form, FormFrom(saved), ct), saved.Version);
        }
    }

    /// <summary>Adds the action at the end of the plan; returns its reference, or null when the form is invalid.</summary>
    public async Task<string?> CreateAsync(NewActionForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        var planId = await PlanIdAsync(ct);
        var reference = form.NormalisedReference;
        if (reference is null)
        {
            modelState.AddModelError(nameof(NewActionForm.Reference), "Enter a reference");
        }
        else if (!ReferenceFormat().IsMatch(reference))
        {
            modelState.AddModelError(nameof(NewActionForm.Reference), "Enter a reference of letters then numbers, like QP58");
        }
        else if (await db.Actions.AnyAsync(a => a.PlanId == planId && a.Reference == reference, ct))
        {
            modelState.AddModelError(nameof(NewActionForm.Reference), $"Reference {reference} is already used");
        }

        var (dueDate, dateError) = form.DueDate.Parse("the due date");
        if (dateError is not null)
        {
            modelState.AddModelError(nameof(NewActionForm.DueDate), dateError);
        }
        else if (dueDate is { } due && Plan.RefuseDateBeforeStart(
            await db.Plans.Where(p => p.Id == planId).Select(p => p.PeriodStart).SingleAsync(ct), due, "The due date") is { } early)
        {
            modelState.AddModelError(nameof(NewActionForm.DueDate), early);
        }

        var choices = await ValidateAsync(planId, form, null, modelState, ct);
        if (!modelState.IsValid)
        {
            return null;
        }

        var sequence = await db.Actions.Where(a => a.PlanId == planId).MaxAsync(a => (int?)a.Sequence, ct) ?? 0;
        var action = new ImprovementAction(planId, form.WorkstreamId!.Value, reference!, sequence + 1, Columns(form, dueDate));
        action.ReplacePriorities(choices.Priorities);
        action.ReplaceSourceReviews(choices.Reviews);
        action.AssignLead(choices.LeadUserId);
        db.Actions.Add(action);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same reference between the check above and this save (or the form was sent twice).
            db.ChangeTracker.Clear();
            if (!await db.Actions.AsNoTracking().AnyAsync(a => a.PlanId == planId && a.Reference == reference, ct))
            {
                throw;
            }

            modelState.AddModelError(nameof(NewActionForm.Reference), $"Reference {reference} is already used");
            return null;
        }

        return reference;
    }

    private async Task<int> PlanIdAsync(CancellationToken ct) => await currentPlan.IdAsync(ct);

    private static string Retired(bool retired) => retired ? " (retired)" : string.Empty;

    /// <summary>What the action being edited is linked to now, so a retired one stays among its choices.</summary>
    private async Task<CurrentLinks> CurrentLinksAsync(int planId, string? reference, CancellationToken ct)
    {
        if (reference is null)
        {
            return CurrentLinks.None;
        }

        var wanted = reference.ToUpperInvariant();
        var action = await db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews)
            .SingleOrDefaultAsync(a => a.PlanId == planId && a.Reference == wanted, ct);
        return action is null ? CurrentLinks.None : CurrentLinks.Of(action);
    }

    private sealed record CurrentLinks(int? WorkstreamId, List<int> PriorityIds, List<int> SourceReviewIds)
    {
        public static CurrentLinks None { get; } = new(null, [], []);

        public static CurrentLinks Of(ImprovementAction action) =>
            new(action.WorkstreamId, [.. action.Priorities.Select(p => p.Id)], [.. action.SourceReviews.Select(r => r.Id)]);
    }

    private async Task<(List<Priority> Priorities, List<SourceReview> Reviews, string? LeadUserId)> ValidateAsync(
        int planId, ActionForm form, string? currentLeadUserId, ModelStateDictionary modelState, CancellationToken ct, CurrentLinks? current = null)
    {
        current ??= CurrentLinks.None;
        form.Validate(modelState);
        var workstream = form.WorkstreamId is { } workstreamId
            ? await db.Workstreams.AsNoTracking().Where(w => w.Id == workstreamId && w.PlanId == planId).Select(w => new { w.Id, w.RetiredOn }).SingleOrDefaultAsync(ct)
            : null;
        if (workstream is null)
        {
            modelState.AddModelError(nameof(ActionForm.WorkstreamId), "Select a workstream");
        }
        else if (workstream.RetiredOn is not null && workstream.Id != current.WorkstreamId)
        {
            // Retired while the form was open: it can keep the actions it has but take no more.
            modelState.AddModelError(nameof(ActionForm.WorkstreamId), "That workstream has been retired; select one in use");
        }

        // Ids that are not this plan's, or retired ones the action is not already linked to, are ignored:
        // the form never offers them.
        var priorities = await db.Priorities.Where(p => p.PlanId == planId && form.PriorityIds.Contains(p.Id)
            && (p.RetiredOn == null || current.PriorityIds.Contains(p.Id))).ToListAsync(ct);
        var reviews = await db.SourceReviews.Where(r => r.PlanId == planId && form.SourceReviewIds.Contains(r.Id)
            && (r.RetiredOn == null || current.SourceReviewIds.Contains(r.Id))).ToListAsync(ct);

        var leadUserId = string.IsNullOrWhiteSpace(form.LeadUserId) ? null : form.LeadUserId;
        if (leadUserId is not null && leadUserId != currentLeadUserId
            && (await LeadChoicesAsync(null)).All(u => u.Id != leadUserId))
        {
            modelState.AddModelError(nameof(ActionForm.LeadUserId), "Select a head of service from the list, or no one");
        }

        return (priorities, reviews, leadUserId);
    }

    /// <summary>Active heads of service, plus the current lead if they are no longer one (so a save does not drop them).</summary>
    private async Task<List<(string Id, string Label)>> LeadChoicesAsync(string? currentLeadUserId)
    {
        var heads = (await users.GetUsersInRoleAsync(Roles.HeadOfService))
            .Where(u => u.IsActive)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => (u.Id, Label: LeadLabel(u)))
            .ToList();
        if (currentLeadUserId is not null && heads.All(h => h.Id != currentLeadUserId)
            && await users.FindByIdAsync(currentLeadUserId) is { } current)
        {
            heads.Add((current.Id, LeadLabel(current) + (current.IsActive ? "" : " (deactivated)")));
        }

        return heads;
    }

    private static string LeadLabel(ApplicationUser user) =>
        string.IsNullOrWhiteSpace(user.JobTitle) ? user.DisplayName : $"{user.DisplayName}, {user.JobTitle}";

    private async Task<List<FieldDifference>> DifferencesAsync(ActionForm yours, ActionForm saved, CancellationToken ct)
    {
        var planId = await PlanIdAsync(ct);
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == planId).ToDictionaryAsync(w => w.Id, w => $"{w.Code} – {w.Name}", ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).ToDictionaryAsync(p => p.Id, p => p.Number, ct);
        var reviews = await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == planId).ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        async Task<string> Lead(string? id) =>
            string.IsNullOrWhiteSpace(id) ? "No one" : (await users.FindByIdAsync(id))?.DisplayName ?? "Unknown user";
        string Workstream(int? id) => id is { } i && workstreams.TryGetValue(i, out var w) ? w : "None";
        string Priorities(IEnumerable<int> ids) => Join(ids.Where(priorities.ContainsKey).Select(i => priorities[i]).Order()
            .Select(n => n.ToString(CultureInfo.InvariantCulture)));
        string Reviews(IEnumerable<int> ids) => Join(ids.Where(reviews.ContainsKey).Select(i => reviews[i]).Order(StringComparer.Ordinal));

        var rows = new List<FieldDifference>
        {
            new("Action", yours.ActionText, saved.ActionText),
            new("Link to", yours.LinkTo, saved.LinkTo),
            new("Timeframe", yours.Timeframe, saved.Timeframe),
            new("Outcome", yours.Outcome, saved.Outcome),
            new("How will we know", yours.HowWillWeKnow, saved.HowWillWeKnow),
            new("What success looks like", yours.WhatSuccessLooksLike, saved.WhatSuccessLooksLike),
            new("Senior responsible officer", yours.SeniorResponsibleOfficer, saved.SeniorResponsibleOfficer),
            new("Lead officer (job title)", yours.LeadOfficer, saved.LeadOfficer),
            new("Workstream", Workstream(yours.WorkstreamId), Workstream(saved.WorkstreamId)),
            new("Priorities", Priorities(yours.PriorityIds), Priorities(saved.PriorityIds)),
            new("Source reviews", Reviews(yours.SourceReviewIds), Reviews(saved.SourceReviewIds)),
            new("Lead", await Lead(yours.LeadUserId), await Lead(saved.LeadUserId)),
        };
        return [.. rows.Where(r => Normalise(r.Yours) != Normalise(r.Saved))];
    }

    private static string Normalise(string? text) => (text ?? string.Empty).Trim().ReplaceLineEndings("\n");

    private static string Join(IEnumerable<string> values) => string.Join(", ", values) is { Length: > 0 } s ? s : "None";

    private static ActionForm FormFrom(ImprovementAction action) => new()
    {
        ActionText = action.ActionText,
        LinkTo = action.LinkTo,
        Timeframe = action.Timeframe,
        Outcome = action.Outcome,
        HowWillWeKnow = action.HowWillWeKnow,
        WhatSuccessLooksLike = action.WhatSuccessLooksLike,
        SeniorResponsibleOfficer = action.SeniorResponsibleOfficer,
        LeadOfficer = action.LeadOfficer,
        WorkstreamId = action.WorkstreamId,
        PriorityIds = [.. action.Priorities.Select(p => p.Id)],
        SourceReviewIds = [.. action.SourceReviews.Select(r => r.Id)],
        LeadUserId = action.LeadUserId,
        Version = action.Version,
    };

    private static ActionColumns Columns(ActionForm form, DateOnly? dueDate) => new(
        form.ActionText!.Trim(),
        Clean(form.LinkTo),
        Clean(form.Timeframe),
        dueDate,
        Clean(form.Outcome),
        Clean(form.HowWillWeKnow),
        Clean(form.WhatSuccessLooksLike),
        Clean(form.SeniorResponsibleOfficer),
        Clean(form.LeadOfficer),
        null);

    private static string LinkKey(ImprovementAction action) =>
        string.Join(",", action.Priorities.Select(p => p.Id).Order()) + "|" + string.Join(",", action.SourceReviews.Select(r => r.Id).Order());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z]{1,5}[0-9]{1,4}$")]
    private static partial System.Text.RegularExpressions.Regex ReferenceFormat();
}
