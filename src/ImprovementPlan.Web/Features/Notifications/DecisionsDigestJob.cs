using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Features.Notifications;

/// <summary>
/// Once a day, from the digest hour: each Service Director gets one email per plan listing what waits
/// for their decision (submitted updates and due-date requests), when anything does.
/// </summary>
public sealed class DecisionsDigestJob(ImprovementPlanDbContext db, Outbox outbox, JobClaims claims, TimeProvider clock,
    IOptionsMonitor<NotificationOptions> options) : IScheduledJob
{
    public const string Name = "decisions-digest";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var local = UkTime.Now(clock);
        if (local.Hour < options.CurrentValue.DigestHour)
        {
            return;
        }

        var day = DateOnly.FromDateTime(local).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await claims.IsDoneAsync(Name, day, cancellationToken))
        {
            return;
        }

        var directorRoleId = await db.Roles.Where(r => r.Name == Roles.ServiceDirector).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var directors = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               where ur.RoleId == directorRoleId && u.IsActive && u.Email != null
                               select new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var plan in await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
        {
            var updates = await (from u in db.ProgressUpdates
                                 where u.State == UpdateState.Submitted
                                 join a in db.Actions on u.ActionId equals a.Id into actions
                                 from a in actions.DefaultIfEmpty()
                                 join p in db.Priorities on u.PriorityId equals p.Id into priorities
                                 from p in priorities.DefaultIfEmpty()
                                 where (a != null && a.PlanId == plan.Id) || (p != null && p.PlanId == plan.Id)
                                 select new { u.Id, u.AuthorName, Reference = a != null ? "action " + a.Reference : "priority " + p!.Number })
                .ToListAsync(cancellationToken);
            var requests = await (from c in db.DueDateChanges
                                  where c.State == DueDateChangeState.Pending
                                  join a in db.Actions on c.ActionId equals a.Id
                                  where a.PlanId == plan.Id
                                  select new { a.Reference, c.RequestedByName, c.ToDate }).ToListAsync(cancellationToken);
            if (updates.Count + requests.Count == 0)
            {
                continue;
            }

            var content = new EmailContent("Waiting for your decision");
            content.Paragraph($"In {plan.Title}, {updates.Count} {(updates.Count == 1 ? "update waits" : "updates wait")} for approval and "
                + $"{requests.Count} {(requests.Count == 1 ? "request to move a due date waits" : "requests to move due dates wait")} for your decision.");
            if (updates.Count > 0)
            {
                content.Subheading("Updates submitted").List(updates.Select(u => ($"Update on {u.Reference} by {u.AuthorName}", (string?)outbox.Link($"/updates/{u.Id}"))));
            }

            if (requests.Count > 0)
            {
                content.Subheading("Due-date requests").List(requests.Select(r =>
                    ($"Action {r.Reference}: move to {r.ToDate:d MMMM yyyy}, asked by {r.RequestedByName}", (string?)outbox.Link("/due-date-changes"))));
            }

            content.Link("Open approvals", outbox.Link("/approvals"));
            foreach (var director in directors)
            {
                outbox.Add(plan.Id, director.Id, director.Email!, director.DisplayName, "Waiting for your decision in the Improvement Plan Tracker", content,
                    $"{Name}:{day}:{plan.Id}");
            }
        }

        claims.Add(Name, day);
        await claims.SaveAsync(cancellationToken);
    }
}
