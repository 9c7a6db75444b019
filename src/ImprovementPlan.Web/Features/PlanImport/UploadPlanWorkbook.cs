using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Infrastructure;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>The upload page's form.</summary>
public sealed class UploadPlanWorkbookForm
{
    public IFormFile? File { get; set; }
}

/// <summary>The outcome of an upload: the pending import to go on with, or the message saying why not.</summary>
public sealed record UploadPlanWorkbookResult(PendingPlanImport? Pending, string? Error);

/// <summary>
/// Checks an uploaded workbook (size, type, parts, unpacked size, rows) and keeps it for the next
/// steps; nothing is written to the plan. A refused file is recorded as a security event.
/// </summary>
public sealed partial class UploadPlanWorkbookHandler(
    PendingPlanImportStorageService store,
    CurrentPlan currentPlan,
    CurrentUser currentUser,
    SecurityEvents securityEvents,
    ILogger<UploadPlanWorkbookHandler> logger)
{
    public const string DiskErrorMessage = "The workbook could not be saved. Try again, and if it keeps happening tell the system administrator";

    public async Task<UploadPlanWorkbookResult> HandleAsync(UploadPlanWorkbookForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.File is not { } file || file.Length == 0)
        {
            return new UploadPlanWorkbookResult(null, form.File is null ? "Select a workbook" : "The selected file is empty");
        }

        var options = store.Options;
        if (file.Length > options.MaxFileSizeBytes)
        {
            return await RefuseAsync(file, $"The selected file must be smaller than {options.MaxFileSizeText}", cancellationToken);
        }

        await using var data = new MemoryStream((int)file.Length);
        await using (var source = file.OpenReadStream())
        {
            await source.CopyToAsync(data, cancellationToken);
        }

        if (XlsxFileCheck.Check(file.FileName, data, options) is { } error)
        {
            return await RefuseAsync(file, error, cancellationToken);
        }

        var read = XlsxWorkbookReader.Read(data, options.MaxRows);
        if (read.Error is { } readError)
        {
            return new UploadPlanWorkbookResult(null, readError);
        }

        try
        {
            var pending = await store.SaveAsync(currentUser.Id!, await currentPlan.IdAsync(cancellationToken), file.FileName, data, cancellationToken);
            return new UploadPlanWorkbookResult(pending, null);
        }
        catch (IOException e)
        {
            LogDiskError(logger, e);
            return new UploadPlanWorkbookResult(null, DiskErrorMessage);
        }
    }

    private async Task<UploadPlanWorkbookResult> RefuseAsync(IFormFile file, string error, CancellationToken cancellationToken)
    {
        await securityEvents.RecordAsync(SecurityEvents.UploadRejected, currentUser.Id, currentUser.Name,
            $"Plan import: {Evidence.EvidenceStorageService.OriginalName(file.FileName)} ({file.Length} bytes): {error}", cancellationToken);
        return new UploadPlanWorkbookResult(null, error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A workbook for a plan import could not be saved")]
    private static partial void LogDiskError(ILogger logger, Exception exception);
}
