using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Updates;

public enum EvidenceKind
{
    File = 0,
    Link = 1,
}

/// <summary>A file or link attached to a progress update; authorised through that update.</summary>
public class Evidence : Entity
{
    private Evidence()
    {
        Title = string.Empty;
    }

    private Evidence(int progressUpdateId, EvidenceKind kind, string title, DateTime addedAtUtc, string? addedByUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ProgressUpdateId = progressUpdateId;
        Kind = kind;
        Title = title;
        AddedAtUtc = addedAtUtc;
        AddedByUserId = addedByUserId;
    }

    public static Evidence ForLink(int progressUpdateId, string title, Uri url, DateTime addedAtUtc, string? addedByUserId)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new Evidence(progressUpdateId, EvidenceKind.Link, title, addedAtUtc, addedByUserId) { Url = url.ToString() };
    }

    public static Evidence ForFile(int progressUpdateId, string originalFileName, string storedName, string contentType,
        long sizeBytes, string sha256, DateTime addedAtUtc, string? addedByUserId) =>
        new(progressUpdateId, EvidenceKind.File, originalFileName, addedAtUtc, addedByUserId)
        {
            OriginalFileName = originalFileName,
            StoredName = storedName,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
        };

    public int ProgressUpdateId { get; private set; }

    public EvidenceKind Kind { get; private set; }

    public string Title { get; private set; }

    public string? Url { get; private set; }

    public string? OriginalFileName { get; private set; }

    /// <summary>The generated name the file is stored under, outside the web root.</summary>
    public string? StoredName { get; private set; }

    public string? ContentType { get; private set; }

    public long? SizeBytes { get; private set; }

    public string? Sha256 { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    public string? AddedByUserId { get; private set; }
}
