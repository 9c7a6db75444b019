using ImprovementPlan.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>Meetings: the list, scheduling, a meeting's page and agenda, recording minutes, and follow-ups.</summary>
public sealed class MeetingsController(
    MeetingListQuery list,
    MeetingPageQuery page,
    ScheduleMeetingsHandler schedule,
    ChangeMeetingHandler change,
    CancelMeetingHandler cancel,
    AcceptProposalHandler accept,
    AddFreeItemHandler addItem,
    ReorderAgendaHandler reorder,
    RecordItemHandler record,
    AgreeMinutesHandler agree,
    CloseFollowUpHandler closeFollowUp,
    ConfirmFollowUpHandler confirmFollowUp) : Controller
{
    private const string ConflictMessage =
        "Someone else changed this meeting while you were editing it. The form now shows their version: make your changes again";

    [HttpGet("/meetings")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.RunAsync(ct));

    [HttpGet("/meetings/new")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(await schedule.PrepareAsync(new ScheduleForm { Kind = "CsipReview", Repeat = "Once", StartTime = "10:00", EveryWeeks = "2" }, ct));

    [HttpPost("/meetings/new")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> New(ScheduleForm form, CancellationToken ct)
    {
        var result = await schedule.CreateAsync(form, ct);
        if (result.Outcome == MeetingOutcome.Invalid)
        {
            AddErrors(result);
            return View(await schedule.PrepareAsync(form, ct));
        }

        return Finish(result);
    }

    [HttpGet("/meetings/{id:int}")]
    public async Task<IActionResult> Show([FromRoute] int id, CancellationToken ct) =>
        await page.RunAsync(id, ct) is { } meeting ? View(meeting) : NotFound();

    [HttpGet("/meetings/{id:int}/change")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Change([FromRoute] int id, CancellationToken ct) =>
        await change.EditFormAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("/meetings/{id:int}/change")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Change([FromRoute] int id, ChangeMeetingForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await change.ChangeAsync(id, form, ct);
        switch (result.Outcome)
        {
            case MeetingOutcome.Invalid:
                AddErrors(result);
                form.MeetingId = id;
                var (date, _) = form.Date.Parse("the date");
                return View(await change.PrepareAsync(form, date ?? DateOnly.FromDateTime(DateTime.UtcNow), ct));
            case MeetingOutcome.Conflict:
                ModelState.AddModelError(string.Empty, ConflictMessage);
                return await change.EditFormAsync(id, ct) is { } fresh ? View(fresh) : NotFound();
            default:
                return Finish(result);
        }
    }

    [HttpPost("/meetings/{id:int}/cancel")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Cancel([FromRoute] int id, [FromForm] int version, CancellationToken ct) =>
        await OnMeetingPage(id, await cancel.RunAsync(id, version, ct), ct);

    [HttpPost("/meetings/{id:int}/agenda/accept")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Accept([FromRoute] int id, CancellationToken ct) =>
        await OnMeetingPage(id, await accept.RunAsync(id, ct), ct);

    [HttpPost("/meetings/{id:int}/agenda/add")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> AddItem([FromRoute] int id, [FromForm] string? newItemTitle, CancellationToken ct) =>
        await OnMeetingPage(id, await addItem.RunAsync(id, newItemTitle, ct), ct);

    [HttpPost("/meetings/{id:int}/items/{itemId:int}/up")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Up([FromRoute] int id, [FromRoute] int itemId, CancellationToken ct) =>
        await OnMeetingPage(id, await reorder.MoveAsync(id, itemId, -1, ct), ct);

    [HttpPost("/meetings/{id:int}/items/{itemId:int}/down")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Down([FromRoute] int id, [FromRoute] int itemId, CancellationToken ct) =>
        await OnMeetingPage(id, await reorder.MoveAsync(id, itemId, 1, ct), ct);

    [HttpPost("/meetings/{id:int}/items/{itemId:int}/remove")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Remove([FromRoute] int id, [FromRoute] int itemId, CancellationToken ct) =>
        await OnMeetingPage(id, await reorder.RemoveAsync(id, itemId, ct), ct);

    [HttpGet("/meetings/{id:int}/items/{itemId:int}/record")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Record([FromRoute] int id, [FromRoute] int itemId, CancellationToken ct) =>
        await record.FormAsync(id, itemId, null, ct) is { } form ? View(form) : NotFound();

    [HttpPost("/meetings/{id:int}/items/{itemId:int}/record")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> Record([FromRoute] int id, [FromRoute] int itemId, RecordItemForm form, CancellationToken ct)
    {
        var result = await record.RecordAsync(id, itemId, form, ct);
        switch (result.Outcome)
        {
            case MeetingOutcome.Invalid:
                AddErrors(result);
                return await record.FormAsync(id, itemId, form, ct) is { } again ? View(again) : NotFound();
            case MeetingOutcome.Conflict:
                ModelState.AddModelError(string.Empty, "Someone else recorded against this item while you were writing. The form now shows their version: add your changes again");
                return await record.FormAsync(id, itemId, null, ct) is { } fresh ? View(fresh) : NotFound();
            default:
                return Finish(result);
        }
    }

    [HttpPost("/meetings/{id:int}/minutes/agree")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> AgreeMinutes([FromRoute] int id, [FromForm] int version, CancellationToken ct) =>
        await OnMeetingPage(id, await agree.RunAsync(id, version, ct), ct);

    [HttpGet("/follow-ups/{id:int}/close")]
    public async Task<IActionResult> CloseFollowUp([FromRoute] int id, CancellationToken ct)
    {
        if (await closeFollowUp.PageAsync(id, ct) is not { } followUp)
        {
            return NotFound();
        }

        return await closeFollowUp.IsOwnerAsync(id, ct) ? View(followUp) : Forbid();
    }

    [HttpPost("/follow-ups/{id:int}/close")]
    public async Task<IActionResult> CloseFollowUp([FromRoute] int id, [FromForm] int version, [FromForm] string? note, CancellationToken ct)
    {
        var result = await closeFollowUp.RunAsync(id, version, note, ct);
        if (result.Outcome is MeetingOutcome.Invalid or MeetingOutcome.Conflict)
        {
            if (result.Outcome == MeetingOutcome.Conflict)
            {
                ModelState.AddModelError(string.Empty, "This follow-up changed while you were writing. Check it and try again");
            }

            AddErrors(result);
            ViewData["Note"] = note;
            return await closeFollowUp.PageAsync(id, ct) is { } followUp ? View(followUp) : NotFound();
        }

        return Finish(result);
    }

    [HttpPost("/follow-ups/{id:int}/confirm")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> ConfirmFollowUp([FromRoute] int id, [FromForm] int meetingId, CancellationToken ct) =>
        Finish(await confirmFollowUp.RunAsync(id, confirm: true, meetingId, ct));

    [HttpPost("/follow-ups/{id:int}/reopen")]
    [Authorize(Policy = Policies.ManageMeetings)]
    public async Task<IActionResult> ReopenFollowUp([FromRoute] int id, [FromForm] int meetingId, CancellationToken ct) =>
        Finish(await confirmFollowUp.RunAsync(id, confirm: false, meetingId, ct));

    /// <summary>A small post from the meeting page: its errors are shown on the meeting page itself.</summary>
    private async Task<IActionResult> OnMeetingPage(int id, MeetingResult result, CancellationToken ct)
    {
        if (result.Outcome is MeetingOutcome.Invalid or MeetingOutcome.Conflict)
        {
            if (result.Outcome == MeetingOutcome.Conflict)
            {
                ModelState.AddModelError(string.Empty, "Someone else changed this meeting meanwhile. Check the page and try again");
            }

            AddErrors(result);
            ViewData["NewItemTitle"] = Request.HasFormContentType ? Request.Form["newItemTitle"].ToString() : null;
            return await page.RunAsync(id, ct) is { } meeting ? View(nameof(Show), meeting) : NotFound();
        }

        return Finish(result);
    }

    private IActionResult Finish(MeetingResult result)
    {
        switch (result.Outcome)
        {
            case MeetingOutcome.NotFound:
                return NotFound();
            case MeetingOutcome.Forbidden:
                return Forbid();
            default:
                TempData["Notification"] = result.Notification;
                return Redirect(result.RedirectTo ?? MeetingPaths.List);
        }
    }

    private void AddErrors(MeetingResult result)
    {
        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
