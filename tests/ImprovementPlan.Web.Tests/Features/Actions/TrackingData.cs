using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Actions;

/// <summary>Arranges progress updates, leads and due-date changes for the read pages' tests.</summary>
public static class TrackingData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateOnly Today => DateOnly.FromDateTime(AppFactory.Now.UtcDateTime);

    public static async Task<HttpClient> ClientForAsync(this AppFactory factory, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        var client = factory.CreateClient();
        var response = await client.SignInAsync(user.Email!, Users.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Makes the user the lead of the given actions.</summary>
    public static Task LeadActionsAsync(this AppFactory factory, string userId, params string[] references) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var action in await db.Actions.Where(a => references.Contains(a.Reference)).ToListAsync(Ct))
            {
                action.AssignLead(userId);
            }

            return await db.SaveChangesAsync(Ct);
        });

    public static Task LeadPriorityAsync(this AppFactory factory, string? userId, int number) =>
        factory.WithDbAsync(async db =>
        {
            (await db.Priorities.SingleAsync(p => p.Number == number, Ct)).AssignLead(userId);
            return await db.SaveChangesAsync(Ct);
        });

    /// <summary>Adds an update on an action, taken through the workflow to the given state; returns its id.</summary>
    public static Task<int> AddActionUpdateAsync(this AppFactory factory, string reference, UpdateState state, DateOnly asAt,
        string narrative, ApplicationUser? author = null) =>
        factory.WithDbAsync(async db =>
        {
            var actionId = await db.Actions.Where(a => a.Reference == reference).Select(a => a.Id).SingleAsync(Ct);
            var update = ProgressUpdate.DraftOnAction(actionId, author?.Id, author?.DisplayName ?? "Test author", asAt, narrative,
                AppFactory.Now.UtcDateTime);
            MoveTo(update, state);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync(Ct);
            return update.Id;
        });

    public static Task<int> AddPriorityUpdateAsync(this AppFactory factory, int number, UpdateState state, DateOnly asAt, string narrative,
        ApplicationUser? author = null) =>
        factory.WithDbAsync(async db =>
        {
            var priorityId = await db.Priorities.Where(p => p.Number == number).Select(p => p.Id).SingleAsync(Ct);
            var update = ProgressUpdate.DraftOnPriority(priorityId, author?.Id, author?.DisplayName ?? "Test author", asAt, narrative,
                AppFactory.Now.UtcDateTime);
            MoveTo(update, state);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync(Ct);
            return update.Id;
        });

    /// <summary>Asks to move an action's due date; approved at once when <paramref name="approve"/> is true.</summary>
    public static Task RequestDueDateChangeAsync(this AppFactory factory, string reference, DateOnly to, string reason, bool approve) =>
        factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == reference, Ct);
            var change = new DueDateChange(action.Id, action.DueDate, to, reason, null, "Test head of service", AppFactory.Now.UtcDateTime);
            if (approve)
            {
                change.Approve(action, null, "Test service director", AppFactory.Now.UtcDateTime, "Agreed");
            }

            db.DueDateChanges.Add(change);
            return await db.SaveChangesAsync(Ct);
        });

    private static void MoveTo(ProgressUpdate update, UpdateState state)
    {
        var now = AppFactory.Now.UtcDateTime;
        if (state == UpdateState.Draft)
        {
            return;
        }

        update.Submit(now);
        if (state == UpdateState.Approved)
        {
            update.Approve(null, "Test service director", now);
        }
        else if (state == UpdateState.Returned)
        {
            update.Return(null, "Test service director", now, "Please add the audit figures.");
        }
    }
}
