namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>Names this app instance in outbox claims and job runs, so an administrator can tell which instance did what.</summary>
public sealed class SenderIdentity
{
    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
