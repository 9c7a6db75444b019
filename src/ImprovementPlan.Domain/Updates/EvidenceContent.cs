namespace ImprovementPlan.Domain.Updates;

/// <summary>
/// The bytes of an evidence file kept in the database, one row per file, so every instance of the app
/// reads the same files and a backup of the database holds them. Deleted with its evidence.
/// </summary>
public sealed class EvidenceContent
{
    private EvidenceContent()
    {
        Content = [];
    }

    public EvidenceContent(int evidenceId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EvidenceId = evidenceId;
        Content = content;
    }

    public int EvidenceId { get; private set; }

    public byte[] Content { get; private set; }
}
