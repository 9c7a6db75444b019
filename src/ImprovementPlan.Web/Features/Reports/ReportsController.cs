using System.Security.Claims;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>
/// The four reports: preview in the browser, PDF download, clerks' narrative sections, publishing,
/// and the published versions (exact stored bytes) with a comparison between them.
/// </summary>
[Route("reports")]
public sealed class ReportsController(ReportsHandler reports, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await reports.ListAsync(await CanAsync(Policies.ViewDraftReports), await CanAsync(Policies.PrepareReports), ct));

    [HttpGet("new")]
    [Authorize(Policy = Policies.PrepareReports)]
    public IActionResult New([FromQuery] Domain.Reports.ReportKind? kind) => View(new NewReportForm { Kind = kind });

    [HttpPost("new")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> New(NewReportForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await reports.CreateAsync(form, ModelState, ct) is not { } created)
        {
            return View(form);
        }

        TempData["Notification"] = created.AlreadyExisted
            ? $"The report for this date already exists ({Domain.Reports.ReportTemplates.KindName(form.Kind!.Value)}), so no new one was made. This is it."
            : "Report created. Its sections are copied from the previous report of this kind: check each one.";
        return Redirect($"/reports/{created.ReportId}");
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = Policies.ViewDraftReports)]
    public async Task<IActionResult> Preview(int id, CancellationToken ct) =>
        await reports.PreviewAsync(id, await CanAsync(Policies.PrepareReports), ct) is { } page ? View(page) : NotFound();

    /// <summary>The report's download: the latest published version's exact bytes, or (for those who may see drafts) the draft.</summary>
    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken ct)
    {
        if (await reports.LatestVersionAsync(id, ct) is { } published)
        {
            return File(published.PdfBytes, "application/pdf", published.FileName);
        }

        return await CanAsync(Policies.ViewDraftReports) ? await DraftPdf(id, ct) : NotFound();
    }

    [HttpGet("{id:int}/draft/pdf")]
    [Authorize(Policy = Policies.ViewDraftReports)]
    public async Task<IActionResult> DraftPdf(int id, CancellationToken ct)
    {
        try
        {
            return await reports.DraftPdfAsync(ControllerContext, id, ct) is { } pdf
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
    public async Task<IActionResult> EditSection(int id, string key, CancellationToken ct) =>
        await reports.SectionAsync(id, key, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/sections/{key}/edit")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> EditSection(int id, string key, SectionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (saved, page) = await reports.SaveSectionAsync(id, key, form, ModelState, ct);
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
    public async Task<IActionResult> ConfirmPublish(int id, CancellationToken ct) =>
        await reports.PublishConfirmationAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/publish")]
    [Authorize(Policy = Policies.PrepareReports)]
    public async Task<IActionResult> Publish(int id, [FromForm] int publishedVersions, CancellationToken ct)
    {
        try
        {
            var (outcome, version) = await reports.PublishAsync(ControllerContext, id, publishedVersions,
                User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "Unknown", ct);
            switch (outcome)
            {
                case PublishOutcome.NotFound:
                    return NotFound();
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
    public async Task<IActionResult> Versions(int id, CancellationToken ct) =>
        await reports.VersionsAsync(id, await CanAsync(Policies.ViewDraftReports), ct) is { } page ? View(page) : NotFound();

    /// <summary>A published version in the browser: the same content as its PDF, as it was when published.</summary>
    [HttpGet("{id:int}/versions/{number:int}")]
    public async Task<IActionResult> Version(int id, int number, CancellationToken ct) =>
        await reports.PublishedVersionAsync(id, number, await CanAsync(Policies.ViewDraftReports), ct) is { } page
            ? View(page)
            : NotFound();

    [HttpGet("{id:int}/versions/{number:int}/pdf")]
    public async Task<IActionResult> VersionPdf(int id, int number, CancellationToken ct) =>
        await reports.VersionAsync(id, number, ct) is { } version
            ? File(version.PdfBytes, "application/pdf", version.FileName)
            : NotFound();

    [HttpGet("{id:int}/versions/{number:int}/compare")]
    public async Task<IActionResult> Compare(int id, int number, CancellationToken ct) =>
        await reports.CompareAsync(id, number, ct) is { } page ? View(page) : NotFound();

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
}

public sealed record PdfProblem(int ReportId, string Message);
