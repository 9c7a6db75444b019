using ImprovementPlan.Web.Infrastructure;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>The first page of the import: the DfE file and, optionally, the statistical-neighbour groupings.</summary>
public sealed class UploadFileForm
{
    public IFormFile? File { get; set; }

    public IFormFile? Groupings { get; set; }
}

/// <summary>The outcome of an upload: the pending import to go on with, or messages keyed by field.</summary>
public sealed record UploadFileResult(PendingImport? Pending, IReadOnlyList<KeyValuePair<string, string>> Errors);

/// <summary>Checks an uploaded DfE file (and groupings file) and keeps them for the next steps; nothing is written to the database.</summary>
public sealed partial class UploadFileHandler(PendingImportStorageService store, CurrentPlan currentPlan, CurrentUser currentUser, ILogger<UploadFileHandler> logger)
{
    public const string DiskErrorMessage = "The file could not be saved. Try again, and if it keeps happening tell the system administrator";

    public async Task<UploadFileResult> HandleAsync(UploadFileForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<KeyValuePair<string, string>>();
        var max = store.Options.MaxFileSizeBytes;

        await using var data = await BufferAsync(form.File, max, cancellationToken);
        if (form.File is null)
        {
            errors.Add(new(nameof(UploadFileForm.File), "Select a DfE statistics file"));
        }
        else if (ImportFileCheck.Check(form.File.FileName, form.File.Length, data ?? Stream.Null, max) is { } fileError)
        {
            errors.Add(new(nameof(UploadFileForm.File), fileError));
        }
        else
        {
            var reading = DfeCsvReader.ReadTidyFile(data!);
            errors.AddRange(reading.Errors.Select(e => new KeyValuePair<string, string>(nameof(UploadFileForm.File), e)));
        }

        await using var groupings = await BufferAsync(form.Groupings, max, cancellationToken);
        if (form.Groupings is { } groupingsFile)
        {
            if (ImportFileCheck.Check(groupingsFile.FileName, groupingsFile.Length, groupings ?? Stream.Null, max, "The groupings file") is { } groupingsError)
            {
                errors.Add(new(nameof(UploadFileForm.Groupings), groupingsError));
            }
            else
            {
                var reading = DfeCsvReader.ReadGroupings(groupings!);
                errors.AddRange(reading.Errors.Select(e => new KeyValuePair<string, string>(nameof(UploadFileForm.Groupings), e)));
            }
        }

        if (errors.Count > 0)
        {
            return new UploadFileResult(null, errors);
        }

        try
        {
            var pending = await store.SaveAsync(currentUser.Id!, await currentPlan.IdAsync(cancellationToken), form.File!.FileName, data!,
                form.Groupings?.FileName, groupings, cancellationToken);
            return new UploadFileResult(pending, []);
        }
        catch (IOException e)
        {
            LogDiskError(logger, e);
            return new UploadFileResult(null, [new(nameof(UploadFileForm.File), DiskErrorMessage)]);
        }
    }

    /// <summary>The upload in memory (it is read more than once), or null when there is none or it is over the limit.</summary>
    private static async Task<MemoryStream?> BufferAsync(IFormFile? file, long max, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > max)
        {
            return null;
        }

        var buffer = new MemoryStream((int)file.Length);
        await using (var source = file.OpenReadStream())
        {
            await source.CopyToAsync(buffer, cancellationToken);
        }

        buffer.Position = 0;
        return buffer;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A DfE file for import could not be saved")]
    private static partial void LogDiskError(ILogger logger, Exception exception);
}
