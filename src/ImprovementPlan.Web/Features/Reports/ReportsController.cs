using System.Security.Claims;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>
/// The four reports: preview in the browser, PDF download, clerks' narrative sections, publishing,
/// and the published versions (exact stored bytes) with a comparison between them.
/// </summary>
[Route("reports")]
public sealed class ReportsController(IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ReportListQuery list, CancellationToken ct) =>
        View(await list.RunAsync(await CanAsync(Policies.ViewDraftReports), await CanAsync(Policies.PrepareReports), ct));

    [HttpGet("new")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> New([FromQuery] Domain.Reports.ReportKind? kind, [FromQuery] int? meetingId,
        [FromServices] Meetings.MeetingPageQuery meetings, CancellationToken ct) =>
        View(meetingId is { } id && await meetings.FindAsync(id, ct) is { } meeting
            ? Meetings.MeetingReportForm.For(meeting)
            : new NewReportForm { Kind = kind });

    [HttpPost("new")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> New(NewReportForm form, [FromServices] CreateReportHandler create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(create);
        var created = await create.HandleAsync(form, ct);
        if (created.Errors is { } errors)
        {
            ShowErrors(errors);
            return View(form);
        }

        TempData["Notification"] = created.AlreadyExisted
            ? $"The report for this date already exists ({Domain.Reports.ReportTemplates.KindName(form.Kind!.Value)}), so no new one was made. This is it."
            : "Report created. Its sections are copied from the previous report of this kind: check each one.";
        return Redirect($"/reports/{created.ReportId}");
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = Policies.ViewDraftReports)]
    public async Task<IActionResult> Preview(int id, [FromServices] PreviewQuery preview, CancellationToken ct) =>
        await preview.RunAsync(id, await CanAsync(Policies.PrepareReports), ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/details")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> Details(int id, [FromServices] DraftDetailsHandler details, CancellationToken ct) =>
        await details.PageAsync(id, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/details")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> Details(int id, [Bind(Prefix = DraftDetailsHandler.Prefix)] DraftDetailsForm form, [FromServices] DraftDetailsHandler details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(details);
        var (result, errors) = await details.SaveAsync(id, form, ct);
        ShowErrors(errors);
        switch (result)
        {
            case DraftChangeResult.NotFound:
                return NotFound();
            case DraftChangeResult.Saved:
                TempData["Notification"] = "The report’s details have been saved";
                return Redirect($"/reports/{id}");
            case DraftChangeResult.Conflict:
                ModelState.AddModelError(string.Empty,
                    "Someone else changed this report’s details while you were editing them. Check the details below and save again.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                var fresh = await details.PageAsync(id, null, ct);
                form.Version = fresh!.Form.Version;
                return View(fresh with { Form = form });
            default:
                return View(await details.PageAsync(id, form, ct));
        }
    }

    [HttpGet("{id:int}/delete")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> Delete(int id, [FromServices] DeleteDraftHandler delete, CancellationToken ct) =>
        await delete.PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/delete")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> Delete(int id, [FromForm] int version, [FromServices] DeleteDraftHandler delete, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delete);
        switch (await delete.HandleAsync(id, version, ct))
        {
            case DraftChangeResult.NotFound:
                return NotFound();
            case DraftChangeResult.Saved:
                TempData["Notification"] = "The draft report has been deleted";
                return Redirect("/reports");
            case DraftChangeResult.Published:
                TempData["Notification"] = "This report has been published, so it cannot be deleted";
                return Redirect($"/reports/{id}/versions");
            default:
                TempData["Notification"] = "Someone changed this report while you were deciding, so it was not deleted. Check it and try again";
                return Redirect($"/reports/{id}");
        }
    }

    /// <summary>The report's download: the latest published version's exact bytes, or (for those who may see drafts) the draft.</summary>
    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, [FromServices] PublishedVersionQuery versions, [FromServices] ReportPrintService printer,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (await versions.LatestAsync(id, ct) is { } published)
        {
            return File(published.PdfBytes, "application/pdf", published.FileName);
        }

        return await CanAsync(Policies.ViewDraftReports) ? await DraftPdf(id, printer, ct) : NotFound();
    }

    [HttpGet("{id:int}/draft/pdf")]
    [Authorize(Policy = Policies.ViewDraftReports)]
    public async Task<IActionResult> DraftPdf(int id, [FromServices] ReportPrintService printer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(printer);
        try
        {
            return await printer.DraftPdfAsync(ControllerContext, id, ct) is { } pdf
                ? File(pdf.Bytes, "application/pdf", pdf.FileName)
                : NotFound();
        }
        catch (PdfRendererUnavailableException ex)
        {
            return Unavailable(id, ex.Message);
        }
        catch (PdfRendererBusyException)
        {
            return Busy(id);
        }
    }

    [HttpGet("{id:int}/sections/{key}/edit")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> EditSection(int id, string key, [FromServices] EditSectionHandler sections, CancellationToken ct) =>
        await sections.PageAsync(id, key, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/sections/{key}/edit")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> EditSection(int id, string key, SectionForm form, [FromServices] EditSectionHandler sections,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(sections);
        var (saved, page, errors) = await sections.SaveAsync(id, key, form, ct);
        ShowErrors(errors);
        if (page is null)
        {
            return NotFound();
        }

        if (saved)
        {
            TempData["Notification"] = $"{page.Heading} saved";
            return Redirect($"/reports/{id}#section-{key}");
        }

        if (page.ConflictingBody is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return View(page);
    }

    /// <summary>Publishing cannot be undone, so the preview's button leads here first: what will be published, and the button that does it.</summary>
    [HttpGet("{id:int}/publish")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> ConfirmPublish(int id, [FromServices] PublishReportHandler publisher, CancellationToken ct) =>
        await publisher.ConfirmationAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/publish")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> Publish(int id, [FromForm] int publishedVersions, [FromForm] bool confirmUnfinished,
        [FromServices] PublishReportHandler publisher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        try
        {
            var (outcome, version) = await publisher.PublishAsync(ControllerContext, id, publishedVersions, confirmUnfinished,
                User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "Unknown", ct);
            switch (outcome)
            {
                case PublishOutcome.NotFound:
                    return NotFound();
                case PublishOutcome.NotConfirmed:
                    var page = await publisher.ConfirmationAsync(id, ct);
                    ModelState.AddModelError(nameof(confirmUnfinished), "Confirm you have checked what looks unfinished, or go back to the draft");
                    Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    return View("ConfirmPublish", page! with { ConfirmError = "Confirm you have checked what looks unfinished, or go back to the draft" });
                case PublishOutcome.AlreadyPublished:
                    TempData["Notification"] = $"Version {version} had already been published; nothing new was published";
                    return Redirect($"/reports/{id}/versions");
                default:
                    TempData["Notification"] = $"Version {version} published. Its PDF will not change; further edits start a new draft.";
                    return Redirect($"/reports/{id}/versions");
            }
        }
        catch (PdfRendererUnavailableException ex)
        {
            return Unavailable(id, ex.Message);
        }
        catch (PdfRendererBusyException)
        {
            return Busy(id);
        }
    }

    [HttpGet("{id:int}/versions")]
    public async Task<IActionResult> Versions(int id, [FromServices] VersionsQuery versions, CancellationToken ct) =>
        await versions.RunAsync(id, await CanAsync(Policies.ViewDraftReports), ct) is { } page ? View(page) : NotFound();

    /// <summary>A published version in the browser: the same content as its PDF, as it was when published.</summary>
    [HttpGet("{id:int}/versions/{number:int}")]
    public async Task<IActionResult> Version(int id, int number, [FromServices] PublishedVersionQuery versions, CancellationToken ct) =>
        await versions.PageAsync(id, number, await CanAsync(Policies.ViewDraftReports), ct) is { } page
            ? View(page)
            : NotFound();

    [HttpGet("{id:int}/versions/{number:int}/pdf")]
    public async Task<IActionResult> VersionPdf(int id, int number, [FromServices] PublishedVersionQuery versions, CancellationToken ct) =>
        await versions.VersionAsync(id, number, ct) is { } version
            ? File(version.PdfBytes, "application/pdf", version.FileName)
            : NotFound();

    [HttpGet("{id:int}/versions/{number:int}/compare")]
    public async Task<IActionResult> Compare(int id, int number, [FromServices] CompareVersionsQuery compare, CancellationToken ct) =>
        await compare.RunAsync(id, number, ct) is { } page ? View(page) : NotFound();

    private ViewResult Unavailable(int id, string message)
    {
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "300";
        return View("PdfUnavailable", new PdfProblem(id, message));
    }

    private ViewResult Busy(int id)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = "30";
        return View("PdfBusy", new PdfProblem(id, "Every PDF printer slot is busy."));
    }

    private async Task<bool> CanAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>The use case validated the whole form (its attribute rules included): its messages replace the binder's, one per field.</summary>
    private void ShowErrors(FormErrors errors)
    {
        if (errors.IsEmpty)
        {
            return;
        }

        ModelState.Clear();
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
    }
}

public sealed record PdfProblem(int ReportId, string Message);
