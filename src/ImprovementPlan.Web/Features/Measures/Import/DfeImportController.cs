using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>
/// Importing the DfE's published statistics into a measure: upload, choose, preview, confirm.
/// Performance officers, the Service Director and administrators only; a pending import can be
/// opened only by the user who uploaded it.
/// </summary>
[Authorize(Policy = Policies.MaintainMeasures)]
public sealed class DfeImportController(
    PendingImportStorageService store,
    DfeImportPlanQuery plans,
    CurrentPlan currentPlan,
    CurrentUser currentUser) : Controller
{
    public const string Start = "/measures/import";

    // The views sit beside this controller, one folder below the measures feature's own.
    private const string Views = "~/Features/Measures/Import/";

    [HttpGet(Start)]
    public async Task<IActionResult> Upload(CancellationToken ct) => View(Views + "Upload.cshtml", await UploadPageAsync(ct));

    [HttpPost(Start)]
    [ImportUploadLimits]
    public async Task<IActionResult> Upload(UploadFileForm form, [FromServices] UploadFileHandler handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.HandleAsync(form ?? new UploadFileForm(), ct);
        if (result.Pending is not { } pending)
        {
            AddErrors(result.Errors);
            return View(Views + "Upload.cshtml", await UploadPageAsync(ct));
        }

        return Redirect(ChooseUrl(pending.Id));
    }

    [HttpGet(Start + "/{importId:guid}")]
    public async Task<IActionResult> Choose([FromRoute] Guid importId, CancellationToken ct)
    {
        if (await FindAsync(importId, ct) is not { } pending)
        {
            return NotFound();
        }

        var form = new ChooseImportForm
        {
            Indicator = pending.Indicator,
            MeasureId = pending.MeasureId,
            Choices = new(pending.Choices, StringComparer.OrdinalIgnoreCase),
            PublishedOn = TagHelpers.DateParts.From(pending.PublishedOn),
        };
        return await ChoosePageAsync(pending, form, ct);
    }

    [HttpPost(Start + "/{importId:guid}")]
    public async Task<IActionResult> Choose([FromRoute] Guid importId, ChooseImportForm form, [FromServices] ChooseImportHandler handler,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        form ??= new ChooseImportForm();
        if (await FindAsync(importId, ct) is not { } pending)
        {
            return NotFound();
        }

        var result = await handler.HandleAsync(pending, form, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Errors.Count > 0)
        {
            AddErrors(result.Errors);
            return await ChoosePageAsync(pending, form, ct);
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

        if (!pending.IsReadyToPreview)
        {
            return Redirect(ChooseUrl(pending.Id));
        }

        var measure = await plans.FindMeasureAsync(pending.PlanId, pending.MeasureId!.Value, tracking: false, ct);
        if (measure is null)
        {
            return Redirect(ChooseUrl(pending.Id));
        }

        var result = await plans.BuildAsync(pending, measure, ct);
        if (result.Plan is not { } plan)
        {
            AddErrors(result.Errors);
            return await ChoosePageAsync(pending, new ChooseImportForm
            {
                Indicator = pending.Indicator,
                MeasureId = pending.MeasureId,
                Choices = new(pending.Choices, StringComparer.OrdinalIgnoreCase),
                PublishedOn = TagHelpers.DateParts.From(pending.PublishedOn),
            }, ct);
        }

        return View(Views + "Preview.cshtml", new PreviewPage(plan, null));
    }

    [HttpPost(Start + "/{importId:guid}/confirm")]
    public async Task<IActionResult> Confirm([FromRoute] Guid importId, [FromForm] string? fingerprint, [FromServices] ConfirmImportHandler handler,
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
            case ConfirmImportOutcome.NotFound:
                return NotFound();
            case ConfirmImportOutcome.Invalid:
                AddErrors(result.Errors);
                return await ChoosePageAsync(pending, new ChooseImportForm
                {
                    Indicator = pending.Indicator,
                    MeasureId = pending.MeasureId,
                    Choices = new(pending.Choices, StringComparer.OrdinalIgnoreCase),
                    PublishedOn = TagHelpers.DateParts.From(pending.PublishedOn),
                }, ct);
            case ConfirmImportOutcome.Changed:
                return View(Views + "Preview.cshtml", new PreviewPage(result.Plan!,
                    "The figures held for this measure changed after you opened the preview, so nothing was imported. Check the preview again."));
            default:
                var plan = result.Plan!;
                var added = plan.Actuals.Count(a => a.Change == ImportChange.New);
                var corrected = plan.Actuals.Count(a => a.Change == ImportChange.Correction);
                var comparators = plan.Comparators.Count(c => c.Change != ImportChange.Unchanged);
                TempData["Notification"] = plan.ChangeCount == 0
                    ? $"Nothing changed: every figure in {pending.FileName} was already recorded for \u2018{plan.Measure.Name}\u2019"
                    : $"Imported into \u2018{plan.Measure.Name}\u2019: {Count(added, "new figure")}, {Count(corrected, "correction")} and {Count(comparators, "comparator")} added or changed";
                return Redirect(Start);
        }
    }

    public static string ChooseUrl(string id) => $"{Start}/{id}";

    public static string PreviewUrl(string id) => $"{Start}/{id}/preview";

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private async Task<PendingImport?> FindAsync(Guid importId, CancellationToken ct)
    {
        var pending = await store.FindAsync(importId.ToString("N"), currentUser.Id, ct);
        return pending is not null && pending.PlanId == await currentPlan.IdAsync(ct) ? pending : null;
    }

    private async Task<IActionResult> ChoosePageAsync(PendingImport pending, ChooseImportForm form, CancellationToken ct)
    {
        form.Pending = pending;
        form.Table = plans.ReadTable(pending).Table;
        if (form.Table is null)
        {
            return NotFound();
        }

        form.Measures = await plans.MeasuresAsync(pending.PlanId, ct);
        return View(Views + "Choose.cshtml", form);
    }

    private async Task<UploadPage> UploadPageAsync(CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        return new UploadPage(await plans.CouncilAsync(planId, ct), await plans.RegionNameAsync(planId, ct), store.SavedGroupingsUtc(planId),
            store.Options.MaxFileSizeText);
    }

    private void AddErrors(IEnumerable<KeyValuePair<string, string>> errors)
    {
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, message);
        }
    }
}

/// <summary>What the upload page shows besides the form.</summary>
public sealed record UploadPage(Domain.Measures.Dfe.CouncilCodes? Council, string? RegionName, DateTime? SavedGroupingsUtc, string MaxFileSizeText)
{
    public UploadFileForm Form { get; } = new();
}

/// <summary>The preview page: the plan and, when a confirmation found things changed, why it is shown again.</summary>
public sealed record PreviewPage(ImportPlan Plan, string? Warning);
