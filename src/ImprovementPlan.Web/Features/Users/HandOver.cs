using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Users;

/// <summary>Something a person leads: an action (as its lead or its senior responsible officer) or a priority, in a plan in use.</summary>
public sealed record LedThing(string Plan, string What, string As);

/// <summary>The hand-over step of deactivating someone who leads things: what they lead, and who takes it over.</summary>
public sealed class HandOverForm
{
    public string UserId { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    /// <summary>The account that takes over; required.</summary>
    public string? ToUserId { get; set; }

    public IReadOnlyList<LedThing> Led { get; set; } = [];

    public IReadOnlyList<SelectListItem> People { get; set; } = [];
}

/// <summary>
/// Deactivates a user who leads actions or priorities, handing everything they lead (in plans not
/// archived) to another person, all in one transaction with its audit entries.
/// </summary>
public sealed class HandOverHandler(ImprovementPlanDbContext db, UserManager<ApplicationUser> users, PeopleQuery people)
{
    /// <summary>What the user leads in plans still in use (archived plans keep their history as it was).</summary>
    public async Task<IReadOnlyList<LedThing>> LedAsync(string userId, CancellationToken ct)
    {
        var open = db.Plans.Where(p => p.Status != PlanStatus.Archived);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => (a.LeadUserId == userId || a.SeniorResponsibleUserId == userId) && open.Any(p => p.Id == a.PlanId))
            .OrderBy(a => a.PlanId).ThenBy(a => a.Sequence)
            .Select(a => new { Plan = db.Plans.Where(p => p.Id == a.PlanId).Select(p => p.Title).First(), a.Reference, a.ActionText, Lead = a.LeadUserId == userId, Senior = a.SeniorResponsibleUserId == userId })
            .ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking()
            .Where(p => p.LeadUserId == userId && open.Any(o => o.Id == p.PlanId))
            .OrderBy(p => p.PlanId).ThenBy(p => p.Number)
            .Select(p => new { Plan = db.Plans.Where(o => o.Id == p.PlanId).Select(o => o.Title).First(), p.Number, p.Title })
            .ToListAsync(ct);
        return
        [
            .. priorities.Select(p => new LedThing(p.Plan, $"Priority {p.Number}: {p.Title}", "Lead")),
            .. actions.Select(a => new LedThing(a.Plan, $"{a.Reference}: {Shorten(a.ActionText)}",
                a.Lead && a.Senior ? "Lead and senior responsible officer" : a.Lead ? "Lead" : "Senior responsible officer")),
        ];
    }

    public async Task<HandOverForm> FormAsync(ApplicationUser user, string? toUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var options = await people.OptionsAsync(toUserId, "Select a person", ct);
        return new HandOverForm
        {
            UserId = user.Id,
            UserName = user.DisplayName,
            ToUserId = toUserId,
            Led = await LedAsync(user.Id, ct),
            People = [.. options.Where(o => o.Value != user.Id)],
        };
    }

    /// <returns>Null when done; otherwise the message for the person select.</returns>
    public async Task<string?> RunAsync(ApplicationUser user, string? toUserId, string? currentUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == currentUserId)
        {
            return UserAdminHandler.OwnDeactivationMessage;
        }

        if (string.IsNullOrWhiteSpace(toUserId))
        {
            return "Select the person who takes over";
        }

        if (toUserId == user.Id || !await db.Users.AnyAsync(u => u.Id == toUserId && u.IsActive, ct))
        {
            return "Select a person from the list who can sign in";
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var open = db.Plans.Where(p => p.Status != PlanStatus.Archived);
            var actions = await db.Actions.Where(a => (a.LeadUserId == user.Id || a.SeniorResponsibleUserId == user.Id) && open.Any(p => p.Id == a.PlanId))
                .ToListAsync(ct);
            foreach (var action in actions)
            {
                action.HandOver(user.Id, toUserId);
            }

            foreach (var priority in await db.Priorities.Where(p => p.LeadUserId == user.Id && open.Any(o => o.Id == p.PlanId)).ToListAsync(ct))
            {
                priority.AssignLead(toUserId);
            }

            user.IsActive = false;
            // Saves the hand-over and the deactivation together, and ends the user's sessions.
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(e => e.Description));
            }

            await transaction.CommitAsync(ct);
            return null;
        });
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : string.Concat(text.AsSpan(0, 87), "…");
}
