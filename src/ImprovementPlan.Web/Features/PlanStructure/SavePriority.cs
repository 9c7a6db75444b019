using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>A priority as typed: number, title, what needs to improve, what Ofsted said, and its lead (a person and a job title).</summary>
public sealed class PriorityForm
{
    public int? Id { get; set; }

    public int Version { get; set; }

    public string? Number { get; set; }

    public string? Title { get; set; }

    public string? Heading { get; set; }

    public string? WhatNeedsToImprove { get; set; }

    public string? WhatOfstedSaid { get; set; }

    public string? ClosingStatement { get; set; }

    /// <summary>The lead's user account id; empty for nobody with an account.</summary>
    public string? LeadUserId { get; set; }

    public string? LeadJobTitle { get; set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> People { get; set; } = [];
}

/// <summary>Adds a priority to the current plan or changes one; numbers are unique within a plan.</summary>
public sealed class SavePriorityHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, Shared.PeopleQuery people)
{
    public async Task<PriorityForm> PrepareAsync(PriorityForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.People = await people.OptionsAsync(form.LeadUserId, "Nobody with an account", ct);
        return form;
    }

    public async Task<PriorityForm?> FormAsync(int id, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var form = await db.Priorities.AsNoTracking().Where(p => p.Id == id && p.PlanId == planId).Select(p => new PriorityForm
        {
            Id = p.Id,
            Version = p.Version,
            Number = p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = p.Title,
            Heading = p.Heading,
            WhatNeedsToImprove = p.WhatNeedsToImprove,
            WhatOfstedSaid = p.WhatOfstedSaid,
            ClosingStatement = p.ClosingStatement,
            LeadUserId = p.LeadUserId,
            LeadJobTitle = p.LeadJobTitle,
        }).FirstOrDefaultAsync(ct);
        return form is null ? null : await PrepareAsync(form, ct);
    }

    public async Task<StructureResult> RunAsync(int? id, PriorityForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await currentPlan.IdAsync(ct);
        var errors = new Dictionary<string, string>();
        var number = FormText.Number(errors, nameof(form.Number), form.Number, "priority number");
        FormText.Require(errors, nameof(form.Title), form.Title, "Enter the priority’s title", 300, "The title");
        FormText.Limit(errors, nameof(form.Heading), form.Heading, 500, "The heading");
        FormText.Require(errors, nameof(form.WhatNeedsToImprove), form.WhatNeedsToImprove, "Enter what needs to improve", 8000, "What needs to improve");
        FormText.Limit(errors, nameof(form.WhatOfstedSaid), form.WhatOfstedSaid, 8000, "What Ofsted said");
        FormText.Limit(errors, nameof(form.LeadJobTitle), form.LeadJobTitle, 300, "The lead’s job title");
        var leadUserId = FormText.Clean(form.LeadUserId);
        if (leadUserId is not null && !await db.Users.AnyAsync(u => u.Id == leadUserId, ct))
        {
            errors[nameof(form.LeadUserId)] = "Select a person from the list";
        }

        if (number is not null && await db.Priorities.AnyAsync(p => p.PlanId == planId && p.Number == number && p.Id != id, ct))
        {
            errors[nameof(form.Number)] = $"The plan already has a priority {number}";
        }

        if (errors.Count > 0)
        {
            return StructureResult.Invalid(errors);
        }

        Priority priority;
        if (id is null)
        {
            var next = await db.Priorities.Where(p => p.PlanId == planId).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0;
            priority = new Priority(planId, number!.Value, form.Title!.Trim(), FormText.Clean(form.Heading), form.WhatNeedsToImprove!.Trim(),
                FormText.Clean(form.WhatOfstedSaid) ?? string.Empty, FormText.Clean(form.ClosingStatement));
            priority.MoveTo(next + 1);
            db.Priorities.Add(priority);
        }
        else
        {
            var existing = await db.Priorities.FirstOrDefaultAsync(p => p.Id == id && p.PlanId == planId, ct);
            if (existing is null)
            {
                return StructureResult.NotFound;
            }

            priority = existing;
            db.Entry(priority).Property(p => p.Version).OriginalValue = form.Version;
            priority.Edit(number!.Value, form.Title!.Trim(), FormText.Clean(form.Heading), form.WhatNeedsToImprove!.Trim(),
                FormText.Clean(form.WhatOfstedSaid) ?? string.Empty, FormText.Clean(form.ClosingStatement));
        }

        priority.ChangeLead(leadUserId, FormText.Clean(form.LeadJobTitle));
        return await StructureSave.SaveAsync(db, $"Priority {number} saved", nameof(form.Number), $"The plan already has a priority {number}", ct);
    }
}
