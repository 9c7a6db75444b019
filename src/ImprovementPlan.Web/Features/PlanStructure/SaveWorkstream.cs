using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>A workstream as typed: its code, name, accountable lead, description and outcome statements (one a line).</summary>
public sealed class WorkstreamForm
{
    public int? Id { get; set; }

    public int Version { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? AccountableLead { get; set; }

    public string? Description { get; set; }

    public string? Outcomes { get; set; }
}

/// <summary>Adds a workstream to the current plan or changes one; codes are unique within a plan.</summary>
public sealed class SaveWorkstreamHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<WorkstreamForm?> FormAsync(int id, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        return await db.Workstreams.AsNoTracking().Where(w => w.Id == id && w.PlanId == planId).Select(w => new WorkstreamForm
        {
            Id = w.Id,
            Version = w.Version,
            Code = w.Code,
            Name = w.Name,
            AccountableLead = w.AccountableLead,
            Description = w.Description,
            Outcomes = string.Join("\n", w.Outcomes),
        }).FirstOrDefaultAsync(ct);
    }

    public async Task<StructureResult> RunAsync(int? id, WorkstreamForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await currentPlan.IdAsync(ct);
        var errors = new Dictionary<string, string>();
        var code = FormText.Clean(form.Code)?.ToUpperInvariant();
        FormText.Require(errors, nameof(form.Code), code, "Enter a code for the workstream, such as LG", 10, "The code");
        FormText.Require(errors, nameof(form.Name), form.Name, "Enter the workstream’s name", 200, "The name");
        FormText.Limit(errors, nameof(form.AccountableLead), form.AccountableLead, 300, "The accountable lead");
        if (code is not null && !errors.ContainsKey(nameof(form.Code))
            && await db.Workstreams.AnyAsync(w => w.PlanId == planId && w.Code == code && w.Id != id, ct))
        {
            errors[nameof(form.Code)] = $"The plan already has a workstream {code}";
        }

        if (errors.Count > 0)
        {
            return StructureResult.Invalid(errors);
        }

        if (id is null)
        {
            var next = await db.Workstreams.Where(w => w.PlanId == planId).MaxAsync(w => (int?)w.SortOrder, ct) ?? 0;
            db.Workstreams.Add(new Workstream(planId, code!, form.Name!.Trim(), next + 1, FormText.Clean(form.AccountableLead),
                FormText.Clean(form.Description), FormText.Lines(form.Outcomes)));
        }
        else
        {
            var workstream = await db.Workstreams.FirstOrDefaultAsync(w => w.Id == id && w.PlanId == planId, ct);
            if (workstream is null)
            {
                return StructureResult.NotFound;
            }

            db.Entry(workstream).Property(w => w.Version).OriginalValue = form.Version;
            workstream.Edit(code!, form.Name!.Trim(), FormText.Clean(form.AccountableLead), FormText.Clean(form.Description), FormText.Lines(form.Outcomes));
        }

        return await StructureSave.SaveAsync(db, $"Workstream {code} saved", nameof(form.Code), $"The plan already has a workstream {code}", ct);
    }
}
