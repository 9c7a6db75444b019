using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>Creates an empty plan; its structure is then added on the plan structure pages.</summary>
public sealed class CreatePlanHandler(ImprovementPlanDbContext db, SwitchPlanHandler switcher)
{
    public const string DuplicateTitle = "The organisation already has a plan with this title";

    public async Task<PlanResult> RunAsync(PlanForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (valid, errors) = form.Validate();
        if (valid is null)
        {
            return PlanResult.Invalid(errors);
        }

        if (await IsTakenAsync(db, valid, ct))
        {
            return PlanResult.Invalid(nameof(PlanForm.Title), DuplicateTitle);
        }

        var plan = NewPlan(valid);
        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator took the title between the check and the save: the unique index said no.
            return PlanResult.Invalid(nameof(PlanForm.Title), DuplicateTitle);
        }

        await switcher.RememberAsync(plan.Id, ct);
        return PlanResult.Saved(plan.Id, $"{plan.Title} created. You are now working on it");
    }

    internal static Task<bool> IsTakenAsync(ImprovementPlanDbContext db, ValidPlan valid, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Organisation == valid.Organisation && p.Title == valid.Title, ct);

    internal static Plan NewPlan(ValidPlan valid)
    {
        var plan = new Plan(valid.Title, valid.Organisation, valid.PeriodStart, valid.PeriodEnd, valid.Summary);
        if (valid.OldLaCode is not null && valid.NewLaCode is not null)
        {
            plan.SetLaCodes(valid.OldLaCode, valid.NewLaCode, valid.RegionCode, valid.RegionName);
        }

        return plan;
    }
}
