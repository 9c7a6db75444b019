namespace ImprovementPlan.Domain.Notifications;

/// <summary>
/// A claim on one run of a scheduled job ("lead-reminders", "meeting-12"). The job name and key are
/// unique together, so when several app instances reach the same work only the first insert
/// succeeds and the work is done once.
/// </summary>
public class JobRun
{
    public const int NameLimit = 100;
    public const int KeyLimit = 200;

    private JobRun()
    {
        JobName = string.Empty;
        Key = string.Empty;
        ClaimedBy = string.Empty;
    }

    public JobRun(string jobName, string key, string claimedBy, DateTime startedAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        JobName = jobName;
        Key = key;
        ClaimedBy = claimedBy;
        StartedAtUtc = startedAtUtc;
    }

    public long Id { get; private set; }

    public string JobName { get; private set; }

    public string Key { get; private set; }

    public string ClaimedBy { get; private set; }

    public DateTime StartedAtUtc { get; private set; }
}
