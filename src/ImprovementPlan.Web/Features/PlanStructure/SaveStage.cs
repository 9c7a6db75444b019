using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>A stage as typed: number, name, target date and its deliverables (one a line).</summary>
public sealed class StageForm
{
    public int? Id { get; set; }

    public int Version { get; set; }

    public string? Number { get; set; }

    public string? Name { get; set; }

    public DateParts TargetDate { get; set; } = new();

    public string? TargetDateText { get; set; }

    public string? Description { get; set; }

    public string? Deliverables { get; set; }
}

/// <summary>Adds a stage to the current plan or changes one; numbers are unique within a plan.</summary>
public sealed class SaveStageHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<StageForm?> FormAsync(int id, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PlanId == planId, ct);
        return stage is null ? null : new StageForm
        {
            Id = stage.Id,
            Version = stage.Version,
            Number = stage.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = stage.Name,
            TargetDate = DateParts.From(stage.TargetDate),
            TargetDateText = stage.TargetDateText,
            Description = stage.Description,
            Deliverables = string.Join("\n", stage.Deliverables),
        };
    }

    public async Task<StructureResult> RunAsync(int? id, StageForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await currentPlan.IdAsync(ct);
        var errors = new Dictionary<string, string>();
        var number = FormText.Number(errors, nameof(form.Number), form.Number, "stage number");
        FormText.Require(errors, nameof(form.Name), form.Name, "Enter the stage’s name", 300, "The name");
        var (target, dateError) = (form.TargetDate ?? new()).Parse("the stage’s target date");
        if (dateError is not null)
        {
            errors[nameof(form.TargetDate)] = dateError;
        }

        FormText.Limit(errors, nameof(form.TargetDateText), form.TargetDateText, 100, "The target date in words");
        if (number is not null && await db.Stages.AnyAsync(s => s.PlanId == planId && s.Number == number && s.Id != id, ct))
        {
            errors[nameof(form.Number)] = $"The plan already has a stage {number}";
        }

        if (errors.Count > 0)
        {
            return StructureResult.Invalid(errors);
        }

        if (id is null)
        {
            var next = await db.Stages.Where(s => s.PlanId == planId).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
            var stage = new Stage(planId, number!.Value, form.Name!.Trim(), target!.Value, FormText.Clean(form.TargetDateText), FormText.Clean(form.Description),
                [], FormText.Lines(form.Deliverables));
            stage.MoveTo(next + 1);
            db.Stages.Add(stage);
        }
        else
        {
            var stage = await db.Stages.FirstOrDefaultAsync(s => s.Id == id && s.PlanId == planId, ct);
            if (stage is null)
            {
                return StructureResult.NotFound;
            }

            db.Entry(stage).Property(s => s.Version).OriginalValue = form.Version;
            stage.Edit(number!.Value, form.Name!.Trim(), target!.Value, FormText.Clean(form.TargetDateText), FormText.Clean(form.Description),
                FormText.Lines(form.Deliverables));
        }

        return await StructureSave.SaveAsync(db, $"Stage {number} saved", nameof(form.Number), $"The plan already has a stage {number}", ct);
    }
}
