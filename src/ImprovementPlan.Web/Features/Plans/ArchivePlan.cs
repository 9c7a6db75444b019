using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>The archive page: what archiving means for the plan, and the box to confirm it.</summary>
public sealed class ArchiveForm
{
    public int PlanId { get; set; }

    public string PlanTitle { get; set; } = string.Empty;

    public int Version { get; set; }

    /// <summary>"yes" when the box saying the plan will no longer change is ticked.</summary>
    public string? Confirm { get; set; }
}

/// <summary>Archives a plan: it is kept, read and reported on, and every write to it is refused from then on.</summary>
public sealed class ArchivePlanHandler(ImprovementPlanDbContext db, TimeProvider clock)
{
    public async Task<ArchiveForm?> FormAsync(int planId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new ArchiveForm { PlanId = p.Id, PlanTitle = p.Title, Version = p.Version })
            .FirstOrDefaultAsync(ct);

    public async Task<PlanResult> RunAsync(int planId, ArchiveForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return PlanResult.NotFound;
        }

        if (plan.IsArchived)
        {
            return PlanResult.Invalid(nameof(ArchiveForm.Confirm), "This plan is already archived");
        }

        if (form.Confirm != "yes")
        {
            return PlanResult.Invalid(nameof(ArchiveForm.Confirm), "Confirm that the plan will no longer change");
        }

        if (form.Version != plan.Version)
        {
            return PlanResult.Conflict;
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = form.Version;
        plan.Archive(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlanResult.Conflict;
        }

        return PlanResult.Saved(plan.Id, $"{plan.Title} is archived. It can still be read and reported on");
    }
}
