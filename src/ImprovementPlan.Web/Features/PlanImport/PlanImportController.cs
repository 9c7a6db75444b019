using ImprovementPlan.Domain.Plans.Import;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Features.Export;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>
/// Importing a whole plan from a workbook into the current plan: upload, choose columns (when the
/// headings are not all recognised), preview, confirm. Administrators and the Service Director only;
/// a pending import can be opened only by the user who uploaded it, for the plan it was uploaded to.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class PlanImportController(
    PendingPlanImportStorageService store,
    PlanImportPreviewQuery previews,
    CurrentPlan currentPlan,
    CurrentUser currentUser) : Controller
{
    public const string Start = "/plan/import";

    [HttpGet(Start)]
    public async Task<IActionResult> Upload(CancellationToken ct) => View(await UploadPageAsync(ct));

    [HttpGet(Start + "/template")]
    public IActionResult Template() => File(PlanWorkbookQuery.Template(), ExportController.XlsxType, "improvement-plan-template.xlsx");

    [HttpPost(Start)]
    [PlanImportUploadLimits]
    public async Task<IActionResult> Upload(UploadPlanWorkbookForm form, [FromServices] UploadPlanWorkbookHandler handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.HandleAsync(form ?? new UploadPlanWorkbookForm(), ct);
        if (result.Pending is not { } pending)
        {
            ModelState.AddModelError(nameof(UploadPlanWorkbookForm.File), result.Error!);
            return View(await UploadPageAsync(ct));
        }

        return Redirect(ColumnsUrl(pending.Id));
    }

    /// <summary>The mapping step: shown when a heading of the Actions sheet was not recognised or a required column was not found.</summary>
    [HttpGet(Start + "/{importId:guid}")]
    public async Task<IActionResult> Columns([FromRoute] Guid importId, CancellationToken ct)
    {
        if (await FindAsync(importId, ct) is not { } pending)
        {
            return NotFound();
        }

        var read = await previews.ReadAsync(pending, ct);
        if (read.Workbook is not { } workbook || PlanImportPreviewQuery.Columns(workbook, pending.ColumnChoices) is not { } sheet)
        {
            return Redirect(PreviewUrl(pending.Id));
        }

        if (pending.ColumnChoices is null && !NeedsMapping(sheet))
        {
            return Redirect(PreviewUrl(pending.Id));
        }

        var form = new ChooseColumnsForm { Columns = sheet.Columns.ToDictionary(c => c.Column, c => c.FieldKey is { Length: > 0 } key ? key : ChooseColumnsHandler.Ignore) };
        return View("Columns", new ColumnsPage(pending, sheet, form));
    }

    [HttpPost(Start + "/{importId:guid}")]
    public async Task<IActionResult> Columns([FromRoute] Guid importId, ChooseColumnsForm form, [FromServices] ChooseColumnsHandler handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        form ??= new ChooseColumnsForm();
        if (await FindAsync(importId, ct) is not { } pending)
        {
            return NotFound();
        }

        var read = await previews.ReadAsync(pending, ct);
        if (read.Workbook is not { } workbook || PlanImportPreviewQuery.Columns(workbook, null) is not { } sheet)
        {
            return Redirect(PreviewUrl(pending.Id));
        }

        var errors = await handler.HandleAsync(pending, sheet, form, ct);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, message);
            }

            return View("Columns", new ColumnsPage(pending, sheet, form));
        }

        return Redirect(PreviewUrl(pending.Id));
    }

    [HttpGet(Start + "/{importId:guid}/preview")]
    public async Task<IActionResult> Preview([FromRoute] Guid importId, CancellationToken ct)
    {
        if (await FindAsync(importId, ct) is not { } pending)
        {
            return NotFound();
        }

        var read = await previews.ReadAsync(pending, ct);
        if (read.Workbook is not { } workbook)
        {
            ModelState.AddModelError(nameof(UploadPlanWorkbookForm.File), read.Error!);
            return View("Upload", await UploadPageAsync(ct));
        }

        if (pending.ColumnChoices is null && PlanImportPreviewQuery.Columns(workbook, null) is { } sheet && NeedsMapping(sheet))
        {
            return Redirect(ColumnsUrl(pending.Id));
        }

        return View("Preview", new PreviewPage(await previews.BuildAsync(pending, workbook, ct), null));
    }

    [HttpPost(Start + "/{importId:guid}/confirm")]
    public async Task<IActionResult> Confirm([FromRoute] Guid importId, [FromForm] string? fingerprint, [FromServices] ConfirmPlanImportHandler handler,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (await FindAsync(importId, ct) is not { } pending)
        {
            return NotFound();
        }

        var result = await handler.HandleAsync(pending, fingerprint, ct);
        switch (result.Outcome)
        {
            case ConfirmPlanImportOutcome.Invalid when result.Preview is null:
                ModelState.AddModelError(nameof(UploadPlanWorkbookForm.File), result.Error!);
                return View("Upload", await UploadPageAsync(ct));
            case ConfirmPlanImportOutcome.Invalid:
                return View("Preview", new PreviewPage(result.Preview!, null));
            case ConfirmPlanImportOutcome.Changed:
                return View("Preview", new PreviewPage(result.Preview!,
                    "The plan changed after you opened the preview, so nothing was imported. Check the preview again."));
            default:
                var preview = result.Preview!;
                TempData["Notification"] = preview.ChangeCount == 0
                    ? $"Nothing changed: the plan already holds everything in {pending.FileName}"
                    : $"Imported {pending.FileName}: {Count(preview.NewActions, "new action")}, {Count(preview.ChangedActions, "changed action")}, {Count(preview.Additions.Count, "new workstream, priority, source review or stage", "new workstreams, priorities, source reviews or stages")} and {Count(preview.Measures.Count, "measure, target or figure added or changed", "measures, targets or figures added or changed")}";
                return Redirect(Start);
        }
    }

    public static string ColumnsUrl(string id) => $"{Start}/{id}";

    public static string PreviewUrl(string id) => $"{Start}/{id}/preview";

    /// <summary>A heading of the Actions sheet matched nothing, or a required column was not found.</summary>
    private static bool NeedsMapping(ActionSheetColumns sheet) =>
        sheet.Unmatched.Any() || L.ActionFields.Any(f => f.Required && sheet.Columns.All(c => c.FieldKey != f.Key));

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    private async Task<PendingPlanImport?> FindAsync(Guid importId, CancellationToken ct)
    {
        var pending = await store.FindAsync(importId.ToString("N"), currentUser.Id, ct);
        return pending is not null && pending.PlanId == await currentPlan.IdAsync(ct) ? pending : null;
    }

    private async Task<UploadPage> UploadPageAsync(CancellationToken ct)
    {
        var plan = await currentPlan.GetAsync(ct);
        return new UploadPage(plan.Title, plan.Organisation, store.Options);
    }
}

/// <summary>What the upload page shows.</summary>
public sealed record UploadPage(string PlanTitle, string Organisation, PlanImportOptions Options);

/// <summary>The mapping page: the Actions sheet's columns and the choices so far.</summary>
public sealed record ColumnsPage(PendingPlanImport Pending, ActionSheetColumns Sheet, ChooseColumnsForm Form)
{
    public static IReadOnlyList<ImportField> Fields => L.ActionFields;
}

/// <summary>The preview page and, when a confirmation found things changed, why it is shown again.</summary>
public sealed record PreviewPage(PlanImportPreview Preview, string? Warning);
