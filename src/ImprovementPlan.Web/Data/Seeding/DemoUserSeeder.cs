using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Data.Seeding;

/// <summary>
/// Demo accounts, one per role, for trying the app in Development. Never run in production: the
/// passwords are printed in the README.
/// </summary>
public sealed partial class DemoUserSeeder(UserManager<ApplicationUser> users, ImprovementPlanDbContext db, CurrentPlan currentPlan,
    ILogger<DemoUserSeeder> logger)
{
    public const string Password = "Demo-Tracker-2026";

    public static readonly IReadOnlyList<DemoUser> Accounts =
    [
        new("admin@demo.test", "Demo Administrator", "Systems Administrator", Roles.Administrator),
        new("director@demo.test", "Demo Service Director", "Service Director for Children’s Social Care", Roles.ServiceDirector),
        new("head.of.service@demo.test", "Demo Head of Service", "Head of Service, Front Door and Assessment", Roles.HeadOfService),
        new("performance@demo.test", "Demo Performance Officer", "Performance and Intelligence Officer", Roles.PerformanceOfficer),
        new("clerk@demo.test", "Demo Committee Clerk", "Democratic Services Officer", Roles.CommitteeClerk),
        new("board@demo.test", "Demo Board Member", "Improvement Board member", Roles.Viewer),
    ];

    /// <summary>
    /// The priorities the demo head of service leads in the current (seeded) plan; they also lead the
    /// actions linked to them. Other plans are left alone: leading there is for their administrators.
    /// </summary>
    public static readonly IReadOnlyList<int> HeadOfServicePriorities = [2, 3];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var account in Accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    DisplayName = account.DisplayName,
                    JobTitle = account.JobTitle,
                };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, account.Role));
                LogCreated(logger, account.Role);
            }

            if (account.Role == Roles.HeadOfService)
            {
                await AssignLeadershipAsync(user.Id, cancellationToken);
            }
        }
    }

    private async Task AssignLeadershipAsync(string userId, CancellationToken ct)
    {
        if (await currentPlan.FindAsync(ct) is not { } plan)
        {
            return;
        }

        var priorities = await db.Priorities.Where(p => p.PlanId == plan.Id && HeadOfServicePriorities.Contains(p.Number)).ToListAsync(ct);
        foreach (var priority in priorities.Where(p => p.LeadUserId is null))
        {
            priority.AssignLead(userId);
        }

        var actions = await db.Actions
            .Where(a => a.PlanId == plan.Id && a.LeadUserId == null && a.Priorities.Any(p => HeadOfServicePriorities.Contains(p.Number)))
            .ToListAsync(ct);
        foreach (var action in actions)
        {
            action.AssignLead(userId);
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo account for role {Role}")]
    private static partial void LogCreated(ILogger logger, string role);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo account: " +
                string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record DemoUser(string Email, string DisplayName, string JobTitle, string Role);
