using System.Security.Claims;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Evidence;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using EvidenceItem = ImprovementPlan.Domain.Updates.Evidence;

namespace ImprovementPlan.Web.Features.Updates;

public enum SaveResult
{
    Saved,
    Invalid,
    Conflict,
}

/// <summary>What a save did.</summary>
/// <param name="Result">Saved, refused as invalid, or refused because someone saved first.</param>
/// <param name="UpdateId">The update written (or, when replayed, the one the first post created).</param>
/// <param name="Submitted">The update is now waiting for the Service Director.</param>
/// <param name="Replayed">The form had been posted before, so nothing was written.</param>
public sealed record SaveOutcome(SaveResult Result, int UpdateId = 0, bool Submitted = false, bool Replayed = false);

/// <summary>
/// Writes progress updates: a new draft (or straight to submitted), a revision of a draft or
/// returned update, submitting, and removing evidence. Files, the update and its audit entries are
/// saved together or not at all.
/// </summary>
public sealed partial class WriteUpdateHandler(
    ImprovementPlanDbContext db,
    UpdateRecordsQuery records,
    EvidenceStorageService storage,
    SecurityEvents securityEvents,
    TimeProvider clock,
    ILogger<WriteUpdateHandler> logger)
{
    public const string FileNotSavedMessage = "The file could not be saved. Try again.";

    public async Task<SaveOutcome> CreateAsync(ClaimsPrincipal user, UpdateRecord record, UpdateForm form, ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(form);
        var (userId, authorName) = await records.PersonAsync(user, cancellationToken);
        var (earlier, formKey) = await EarlierPostAsync(form.FormKey, userId, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var input = await ValidateAsync(user, record.IsAction, form, modelState, cancellationToken);
        if (input is null)
        {
            return new SaveOutcome(SaveResult.Invalid);
        }

        using var staged = new StagedFiles();
        if (!await StageAsync(form, staged, modelState, cancellationToken))
        {
            return new SaveOutcome(SaveResult.Invalid);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var update = record.Action is { } action
            ? ProgressUpdate.DraftOnAction(action.Id, userId, authorName, clock.Today(), input.Content.Narrative, now, formKey)
            : ProgressUpdate.DraftOnPriority(record.Priority!.Id, userId, authorName, clock.Today(), input.Content.Narrative, now, formKey);
        update.Revise(input.Content, clock.Today());
        Attach(update, input.Links, staged, userId, now);
        if (form.WantsSubmit && !TrySubmit(update, now, modelState))
        {
            return new SaveOutcome(SaveResult.Invalid);
        }

        db.ProgressUpdates.Add(update);
        try
        {
            await CommitAsync(staged, cancellationToken);
        }
        catch (DbUpdateException) when (formKey is not null)
        {
            // The same form's other post committed first (the unique key refused this one): answer with its update.
            db.ChangeTracker.Clear();
            if ((await EarlierPostAsync(formKey, userId, cancellationToken)).Earlier is { } first)
            {
                return first;
            }

            throw;
        }

        return new SaveOutcome(SaveResult.Saved, update.Id, form.WantsSubmit);
    }

    /// <summary>
    /// What an earlier post of the same new-update form created, if this author posted it before; and
    /// the key to store with a new update (none when the key is not theirs to use).
    /// </summary>
    private async Task<(SaveOutcome? Earlier, Guid? FormKey)> EarlierPostAsync(Guid? formKey, string? userId,
        CancellationToken cancellationToken)
    {
        if (formKey is not { } key)
        {
            return (null, null);
        }

        var earlier = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.FormKey == key)
            .Select(u => new { u.Id, u.State, u.AuthorUserId })
            .SingleOrDefaultAsync(cancellationToken);
        return earlier switch
        {
            null => (null, key),
            _ when earlier.AuthorUserId == userId =>
                (new SaveOutcome(SaveResult.Saved, earlier.Id, earlier.State == UpdateState.Submitted, Replayed: true), key),
            _ => (null, null),
        };
    }

    /// <summary>Saves the author's changes to a draft or returned update, unless someone saved it since the form was opened.</summary>
    public async Task<SaveOutcome> ReviseAsync(ClaimsPrincipal user, ProgressUpdate update, UpdateRecord record, UpdateForm form,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(form);
        var input = await ValidateAsync(user, record.IsAction, form, modelState, cancellationToken);
        if (input is null)
        {
            return new SaveOutcome(SaveResult.Invalid, update.Id);
        }

        if (form.Version != update.Version || !update.IsEditable)
        {
            return new SaveOutcome(SaveResult.Conflict, update.Id);
        }

        using var staged = new StagedFiles();
        if (!await StageAsync(form, staged, modelState, cancellationToken))
        {
            return new SaveOutcome(SaveResult.Invalid, update.Id);
        }

        var (userId, _) = await records.PersonAsync(user, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // Someone may save between reading the row and writing it: the UPDATE checks the version shown.
        db.Entry(update).Property(u => u.Version).OriginalValue = form.Version;
        update.Revise(input.Content, clock.Today());
        Attach(update, input.Links, staged, userId, now);
        if (form.WantsSubmit && !TrySubmit(update, now, modelState))
        {
            await ReloadAsync(update, cancellationToken);
            return new SaveOutcome(SaveResult.Invalid, update.Id);
        }

        try
        {
            await CommitAsync(staged, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ReloadAsync(update, cancellationToken);
            return new SaveOutcome(SaveResult.Conflict, update.Id);
        }

        return new SaveOutcome(SaveResult.Saved, update.Id, form.WantsSubmit);
    }

    /// <summary>Submits when the domain allows it; otherwise puts its reason against the status field and leaves the update as it was.</summary>
    private static bool TrySubmit(ProgressUpdate update, DateTime now, ModelStateDictionary modelState)
    {
        if (update.SubmitRefusal is { } refusal)
        {
            modelState.AddModelError(nameof(UpdateForm.Status), refusal);
            return false;
        }

        update.Submit(now);
        return true;
    }

    /// <summary>Submits a draft or returned update. Submitting one already submitted changes nothing (a double click).</summary>
    public async Task<bool> SubmitAsync(ProgressUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.IsEditable || update.SubmitRefusal is not null)
        {
            return false;
        }

        update.Submit(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second submit raced this one and won: the update is submitted either way.
            return false;
        }

        return true;
    }

    /// <summary>Removes an item of evidence while the update is editable; the file goes once the row has gone.</summary>
    public async Task RemoveEvidenceAsync(ProgressUpdate update, int evidenceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var removed = update.RemoveEvidence(evidenceId);
        db.Evidence.Remove(removed);
        await db.SaveChangesAsync(cancellationToken);
        if (removed.StoredName is { } storedName)
        {
            storage.DeleteFile(storedName);
        }
    }

    private sealed record ValidInput(UpdateContent Content, IReadOnlyList<(string Title, Uri Url)> Links);

    private async Task<ValidInput?> ValidateAsync(ClaimsPrincipal user, bool isAction, UpdateForm form, ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        if (!UpdateForm.TryParseRag(form.DeliveryRag, out var deliveryRag))
        {
            modelState.AddModelError(nameof(UpdateForm.DeliveryRag), "Select a proposed delivery rating, or No change");
        }

        if (!UpdateForm.TryParseRag(form.ImpactRag, out var impactRag))
        {
            modelState.AddModelError(nameof(UpdateForm.ImpactRag), "Select a proposed impact rating, or No change");
        }

        var status = default(Domain.Actions.ActionStatus?);
        if (isAction && !UpdateForm.TryParseStatus(form.Status, out status))
        {
            modelState.AddModelError(nameof(UpdateForm.Status), "Select a proposed status, or No change");
        }

        var links = new List<(string, Uri)>();
        foreach (var (row, title, url) in form.Links())
        {
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(title))
            {
                modelState.AddModelError($"LinkTitle{row}", $"Enter a title for link {row}");
            }

            if (!TryParseLink(url, out var uri))
            {
                modelState.AddModelError($"LinkUrl{row}", "Enter a link that starts with http:// or https://");
            }
            else if (uri.OriginalString.Length > 2000)
            {
                modelState.AddModelError($"LinkUrl{row}", "Link must be 2,000 characters or fewer");
            }
            else if (!string.IsNullOrWhiteSpace(title))
            {
                links.Add((title.Trim(), uri));
            }
        }

        await CheckFilesAsync(user, form, modelState, cancellationToken);
        if (!modelState.IsValid)
        {
            return null;
        }

        return new ValidInput(
            new UpdateContent(form.Narrative!.Trim(), Blank(form.NextSteps), Blank(form.ImpactEvidence), deliveryRag, impactRag, status),
            links);
    }

    /// <summary>Checks every file by size, extension and content; each refusal is recorded as a security event.</summary>
    private async Task CheckFilesAsync(ClaimsPrincipal user, UpdateForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var options = storage.Options;
        if (form.Files.Count > options.MaxFilesPerUpload)
        {
            modelState.AddModelError(nameof(UpdateForm.Files), $"Select up to {options.MaxFilesPerUpload} files at a time");
            return;
        }

        foreach (var file in form.Files)
        {
            string? error;
            await using (var content = file.OpenReadStream())
            {
                (_, error) = EvidenceFileCheck.Check(file.FileName, file.Length, content, options.MaxFileSizeBytes);
            }

            if (error is null)
            {
                continue;
            }

            var message = form.Files.Count > 1 ? $"{EvidenceStorageService.OriginalName(file.FileName)}: {error}" : error;
            modelState.AddModelError(nameof(UpdateForm.Files), message);
            LogUploadRejected(logger, Path.GetExtension(file.FileName), file.Length, error);
            // Nothing else is pending on the context yet, so this saves the audit entry alone.
            await securityEvents.RecordAsync(SecurityEvents.UploadRejected, user.FindFirstValue(ClaimTypes.NameIdentifier),
                user.Identity?.Name, cancellationToken);
        }
    }

    private async Task<bool> StageAsync(UpdateForm form, StagedFiles staged, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in form.Files)
            {
                await using var content = file.OpenReadStream();
                var (type, _) = EvidenceFileCheck.Check(file.FileName, file.Length, content, storage.Options.MaxFileSizeBytes);
                staged.Add(await storage.StageAsync(file, type!, cancellationToken));
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogFileNotSaved(logger, exception);
            modelState.AddModelError(nameof(UpdateForm.Files), FileNotSavedMessage);
            return false;
        }
    }

    private static void Attach(ProgressUpdate update, IReadOnlyList<(string Title, Uri Url)> links, StagedFiles staged, string? userId, DateTime now)
    {
        foreach (var (title, url) in links)
        {
            update.AttachEvidence(EvidenceItem.ForLink(update.Id, title, url, now, userId));
        }

        foreach (var file in staged.Files)
        {
            update.AttachEvidence(EvidenceItem.ForFile(update.Id, file.OriginalFileName, file.StoredName, file.ContentType,
                file.SizeBytes, file.Sha256, now, userId));
        }
    }

    /// <summary>
    /// Saves the rows and moves the files into place inside one transaction: if the database refuses,
    /// the files are deleted; if a file cannot be moved, the rows are rolled back.
    /// </summary>
    private async Task CommitAsync(StagedFiles staged, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await storage.PlaceAsync(staged, db, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
        staged.Commit();
    }

    private async Task ReloadAsync(ProgressUpdate update, CancellationToken cancellationToken)
    {
        // Forget this request's unsaved changes (including evidence it tried to add) and read what is saved now.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }

        await db.Entry(update).ReloadAsync(cancellationToken);
    }

    private static bool TryParseLink(string? value, out Uri uri)
    {
        uri = null!;
        return Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host)
            && (uri = parsed) is not null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload rejected: extension {Extension}, {Length} bytes: {Reason}")]
    private static partial void LogUploadRejected(ILogger logger, string extension, long length, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "An evidence file could not be written")]
    private static partial void LogFileNotSaved(ILogger logger, Exception exception);
}
