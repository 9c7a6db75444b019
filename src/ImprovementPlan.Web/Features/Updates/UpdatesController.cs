using System.Globalization;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Features.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>Writing, reading, revising and submitting progress updates on actions and priorities.</summary>
public sealed class UpdatesController(
    UpdateRecordsQuery records,
    UpdateAccessService access,
    UpdateDetailsQuery details,
    WriteUpdateHandler writer,
    MyUpdatesQuery mine) : Controller
{
    [HttpGet("/actions/{reference}/updates/new")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> NewOnAction([FromRoute] string reference, CancellationToken cancellationToken) =>
        await NewFormAsync(await records.ActionAsync(reference, cancellationToken));

    [HttpPost("/actions/{reference}/updates/new")]
    [Authorize(Policy = Policies.WriteUpdates)]
    [EvidenceUploadLimits]
    public async Task<IActionResult> NewOnAction([FromRoute] string reference, UpdateForm form, CancellationToken cancellationToken) =>
        await CreateAsync(await records.ActionAsync(reference, cancellationToken), form, cancellationToken);

    [HttpGet("/priorities/{number:int}/updates/new")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> NewOnPriority([FromRoute] int number, CancellationToken cancellationToken) =>
        await NewFormAsync(await records.PriorityAsync(number, cancellationToken));

    [HttpPost("/priorities/{number:int}/updates/new")]
    [Authorize(Policy = Policies.WriteUpdates)]
    [EvidenceUploadLimits]
    public async Task<IActionResult> NewOnPriority([FromRoute] int number, UpdateForm form, CancellationToken cancellationToken) =>
        await CreateAsync(await records.PriorityAsync(number, cancellationToken), form, cancellationToken);

    [HttpGet("/updates/mine")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken) =>
        View(await mine.RunAsync(cancellationToken));

    [HttpGet("/updates/{id:int}")]
    public async Task<IActionResult> Show([FromRoute] int id, CancellationToken cancellationToken)
    {
        var update = await records.UpdateAsync(id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        var record = await records.OfAsync(update, cancellationToken);
        if (!await access.CanViewAsync(User, update, record))
        {
            return Forbid();
        }

        return View(new UpdatePage { Details = await details.RunAsync(User, update, record), Version = update.Version });
    }

    [HttpGet("/updates/{id:int}/edit")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken cancellationToken)
    {
        var (update, record, denied) = await ChangeableAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!update!.IsEditable)
        {
            return Redirect(ShowUrl(id));
        }

        var form = UpdateForm.From(update);
        form.Context = await EditContextAsync(update, record!);
        return View(form);
    }

    [HttpPost("/updates/{id:int}/edit")]
    [Authorize(Policy = Policies.WriteUpdates)]
    [EvidenceUploadLimits]
    public async Task<IActionResult> Edit([FromRoute] int id, UpdateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (update, record, denied) = await ChangeableAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var outcome = await writer.ReviseAsync(User, update!, record!, form, ModelState, cancellationToken);
        switch (outcome.Result)
        {
            case SaveResult.Saved:
                return Saved(outcome);
            case SaveResult.Conflict:
                // Show what is saved now beside what they typed; a save from here is made on the current version.
                var saved = await records.SavedUpdateAsync(id, cancellationToken) ?? update!;
                var current = await details.RunAsync(User, saved, record!);
                form.Context = NewContext(record!) with
                {
                    Heading = "Change your update",
                    PostUrl = $"/updates/{id.ToString(CultureInfo.InvariantCulture)}/edit",
                    CancelUrl = ShowUrl(id),
                    Existing = current,
                    Conflict = current,
                };
                form.Version = saved.Version;
                ModelState.Remove(nameof(UpdateForm.Version));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(form);
            default:
                form.Context = await EditContextAsync(update!, record!);
                return View(form);
        }
    }

    [HttpPost("/updates/{id:int}/submit")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> Submit([FromRoute] int id, CancellationToken cancellationToken)
    {
        var (update, record, denied) = await ChangeableAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (update!.IsEditable && update.SubmitRefusal is { } refusal)
        {
            // Send the author to the form with the reason beside the status, so they can add evidence or change it.
            ModelState.AddModelError(nameof(UpdateForm.Status), refusal);
            var form = UpdateForm.From(update);
            form.Context = await EditContextAsync(update, record!);
            return View("Edit", form);
        }

        if (await writer.SubmitAsync(update, cancellationToken))
        {
            TempData["Notification"] = "Your update has been sent to the Service Director for approval";
        }

        return Redirect(ShowUrl(id));
    }

    [HttpPost("/updates/{id:int}/delete")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> Delete([FromRoute] int id, [FromServices] DeleteDraftUpdateHandler delete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delete);
        var (update, _, denied) = await ChangeableAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!await delete.HandleAsync(update!, cancellationToken))
        {
            TempData["Notification"] = "Only a draft that has never been submitted can be deleted, so this update was kept";
            return Redirect(ShowUrl(id));
        }

        TempData["Notification"] = "Your draft update has been deleted";
        return Redirect("/updates/mine");
    }

    /// <summary>The update and its record if the signed-in user is its author and may still write on the record; otherwise the response.</summary>
    private async Task<(ProgressUpdate? Update, UpdateRecord? Record, IActionResult? Denied)> ChangeableAsync(int id, CancellationToken cancellationToken)
    {
        var update = await records.UpdateAsync(id, cancellationToken);
        if (update is null)
        {
            return (null, null, NotFound());
        }

        var record = await records.OfAsync(update, cancellationToken);
        return await access.CanChangeAsync(User, update, record) ? (update, record, null) : (null, null, Forbid());
    }

    private async Task<IActionResult> NewFormAsync(UpdateRecord? record)
    {
        if (record is null)
        {
            return NotFound();
        }

        if (!await access.CanWriteAsync(User, record))
        {
            return Forbid();
        }

        return View("New", new UpdateForm { Context = NewContext(record), FormKey = Guid.NewGuid() });
    }

    private async Task<IActionResult> CreateAsync(UpdateRecord? record, UpdateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (record is null)
        {
            return NotFound();
        }

        if (!await access.CanWriteAsync(User, record))
        {
            return Forbid();
        }

        var outcome = await writer.CreateAsync(User, record, form, ModelState, cancellationToken);
        if (outcome.Result != SaveResult.Saved)
        {
            form.Context = NewContext(record);
            return View("New", form);
        }

        return Saved(outcome);
    }

    private RedirectResult Saved(SaveOutcome outcome)
    {
        TempData["Notification"] = outcome switch
        {
            { Replayed: true } => "This form had already been saved, so it was not saved again. This is the update it created",
            { Submitted: true } => "Your update has been sent to the Service Director for approval",
            _ => "Your update has been saved as a draft",
        };
        return Redirect(ShowUrl(outcome.UpdateId));
    }

    private static UpdateFormContext NewContext(UpdateRecord record) =>
        new(record, "Write an update", record.NewUpdateHref, record.Href);

    private async Task<UpdateFormContext> EditContextAsync(ProgressUpdate update, UpdateRecord record) =>
        new(record, "Change your update", $"/updates/{update.Id.ToString(CultureInfo.InvariantCulture)}/edit", ShowUrl(update.Id),
            await details.RunAsync(User, update, record));

    private static string ShowUrl(int id) => $"/updates/{id.ToString(CultureInfo.InvariantCulture)}";
}
