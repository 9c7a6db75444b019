using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>
/// Scheduled work done once across instances: a job adds its claim (job name + key, unique) to the
/// same save as the work's results (the emails it writes). If another instance saved that claim
/// first, the unique index refuses the whole save and nothing is written twice.
/// </summary>
public sealed class JobClaims(ImprovementPlanDbContext db, TimeProvider clock, SenderIdentity sender)
{
    public Task<bool> IsDoneAsync(string jobName, string key, CancellationToken cancellationToken) =>
        db.JobRuns.AnyAsync(j => j.JobName == jobName && j.Key == key, cancellationToken);

    /// <summary>Adds the claim to the context; <see cref="SaveAsync"/> commits it with the work.</summary>
    public void Add(string jobName, string key) => db.JobRuns.Add(new JobRun(jobName, key, sender.Name, clock.GetUtcNow().UtcDateTime));

    /// <summary>Saves the claim and the work together; false (and nothing saved) when another instance claimed it first.</summary>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
