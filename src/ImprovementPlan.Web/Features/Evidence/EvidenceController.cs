using System.Globalization;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Updates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Evidence;

/// <summary>Evidence files: downloaded, or removed from an editable update, only through the update they belong to.</summary>
[Route("evidence")]
public sealed class EvidenceController(
    UpdateRecordsQuery records,
    UpdateAccessService access,
    EvidenceStorageService storage,
    ImprovementPlanDbContext db,
    WriteUpdateHandler writer) : Controller
{
    /// <summary>Sent as an attachment under its original name and stored content type, never rendered in the page.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Download([FromRoute] int id, CancellationToken cancellationToken)
    {
        var evidence = await records.EvidenceAsync(id, cancellationToken);
        if (evidence is null)
        {
            return NotFound();
        }

        var update = await records.UpdateAsync(evidence.ProgressUpdateId, cancellationToken);
        var record = await records.OfAsync(update!, cancellationToken);
        if (!await access.CanViewAsync(User, update!, record))
        {
            return Forbid();
        }

        if (evidence.Kind != EvidenceKind.File || evidence.StoredName is null)
        {
            return NotFound();
        }

        var content = await storage.OpenReadAsync(evidence, db, cancellationToken);
        if (content is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, evidence.ContentType ?? "application/octet-stream", evidence.OriginalFileName ?? "evidence");
    }

    [HttpPost("{id:int}/remove")]
    [Authorize(Policy = Policies.WriteUpdates)]
    public async Task<IActionResult> Remove([FromRoute] int id, CancellationToken cancellationToken)
    {
        var evidence = await records.EvidenceAsync(id, cancellationToken);
        if (evidence is null)
        {
            return NotFound();
        }

        var update = await records.UpdateAsync(evidence.ProgressUpdateId, cancellationToken);
        var record = await records.OfAsync(update!, cancellationToken);
        if (!await access.CanChangeAsync(User, update!, record))
        {
            return Forbid();
        }

        var updateUrl = $"/updates/{update!.Id.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            await writer.RemoveEvidenceAsync(update, id, cancellationToken);
        }
        catch (DomainRuleException)
        {
            // Submitted meanwhile: its evidence is fixed now, and the update page says so.
            return Redirect(updateUrl);
        }

        TempData["Notification"] = $"‘{evidence.Title}’ has been removed from your update";
        return Redirect(updateUrl + "/edit");
    }
}
