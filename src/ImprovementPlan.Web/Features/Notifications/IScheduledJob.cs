namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>Work the scheduler runs every few minutes; the job decides whether anything is due and claims it (see JobClaims).</summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
