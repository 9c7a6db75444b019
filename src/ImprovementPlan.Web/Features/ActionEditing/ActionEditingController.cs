using ImprovementPlan.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.ActionEditing;

/// <summary>Adding and editing the plan's actions, and the Service Director's ratings of them.</summary>
public sealed class ActionEditingController(ActionEditingHandler editing, RatingsHandler ratings) : Controller
{
    [HttpGet("/actions/new")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(new NewActionForm { Options = await editing.OptionsAsync(null, null, ct) });

    [HttpPost("/actions/new")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> New(NewActionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var reference = await editing.CreateAsync(form, ModelState, ct);
        if (reference is null)
        {
            form.Options = await editing.OptionsAsync(null, null, ct);
            return View(form);
        }

        TempData["Notification"] = $"Action {reference} added";
        return Redirect($"/actions/{Uri.EscapeDataString(reference)}");
    }

    [HttpGet("/actions/{reference}/edit")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> Edit([FromRoute] string reference, CancellationToken ct)
    {
        if (await editing.FormForAsync(reference, ct) is not { } form)
        {
            return NotFound();
        }

        form.Options = await editing.OptionsAsync(form.LeadUserId, reference, ct);
        form.EditingReference = reference;
        return View(form);
    }

    [HttpPost("/actions/{reference}/edit")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> Edit([FromRoute] string reference, ActionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (result, differences, savedVersion) = await editing.SaveAsync(reference, form, ModelState, ct);
        if (result == SaveResult.NotFound)
        {
            return NotFound();
        }

        if (result == SaveResult.Saved)
        {
            TempData["Notification"] = $"Action {reference} saved";
            return Redirect($"/actions/{Uri.EscapeDataString(reference)}");
        }

        form.Options = await editing.OptionsAsync(form.LeadUserId, reference, ct);
        form.EditingReference = reference;
        if (result == SaveResult.Conflict)
        {
            // Your values stay in the form; the version becomes the saved one, so saving again applies them.
            form.Version = savedVersion;
            form.Conflict = differences;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Conflict", form);
        }

        return View(form);
    }

    [HttpGet("/actions/{reference}/ratings")]
    [Authorize(Policy = Policies.DecideUpdates)]
    public async Task<IActionResult> Ratings([FromRoute] string reference, CancellationToken ct) =>
        await ratings.PageAsync(reference, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost("/actions/{reference}/ratings")]
    [Authorize(Policy = Policies.DecideUpdates)]
    public async Task<IActionResult> Ratings([FromRoute] string reference, RatingsForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await ratings.PageAsync(reference, form, ct) is null)
        {
            return NotFound();
        }

        if (await ratings.SaveAsync(reference, form, ModelState, ct))
        {
            TempData["Notification"] = form.OverrideMatchedComputed
                ? $"Ratings for action {reference} saved. The delivery rating you chose is the one the rules give, so it is not kept as an override"
                : $"Ratings for action {reference} saved";
            return Redirect($"/actions/{Uri.EscapeDataString(reference)}");
        }

        return View(await ratings.PageAsync(reference, form, ct));
    }
}
