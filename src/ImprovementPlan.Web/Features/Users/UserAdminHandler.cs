using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Users;

/// <summary>
/// Creates users, changes their details and roles, deactivates them and says what they lead. Every
/// change goes through Identity's UserManager and so through the audit trail.
/// </summary>
public sealed class UserAdminHandler(UserManager<ApplicationUser> users, ImprovementPlanDbContext db, CurrentPlan currentPlan,
    Account.PasswordLinkEmailsService passwordLinks)
{
    public const string OwnAdminMessage = "You cannot remove your own administrator access";
    public const string OwnDeactivationMessage = "You cannot deactivate your own account";

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(ct);
        var actionsLed = await db.Actions.AsNoTracking().Where(a => a.LeadUserId != null)
            .GroupBy(a => a.LeadUserId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var prioritiesLed = await db.Priorities.AsNoTracking().Where(p => p.LeadUserId != null)
            .GroupBy(p => p.LeadUserId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return
        [
            .. all.Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.JobTitle,
                [.. Roles.All.Where(r => userRoles.Any(ur => ur.UserId == u.Id && roleNames.GetValueOrDefault(ur.RoleId) == r))],
                u.IsActive, actionsLed.GetValueOrDefault(u.Id), prioritiesLed.GetValueOrDefault(u.Id))),
        ];
    }

    /// <summary>Creates the user with their first password; returns null and fills <paramref name="modelState"/> if refused.</summary>
    public async Task<ApplicationUser?> CreateAsync(NewUserForm form, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        form.Validate(modelState);
        if (!modelState.IsValid)
        {
            return null;
        }

        var email = form.Email!.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(),
            JobTitle = string.IsNullOrWhiteSpace(form.JobTitle) ? null : form.JobTitle.Trim(),
        };

        var withPassword = !string.IsNullOrEmpty(form.Password);
        if (withPassword)
        {
            // Check the password before creating anything, so a refused password leaves no half-made user.
            foreach (var validator in users.PasswordValidators)
            {
                AddErrors(modelState, await validator.ValidateAsync(users, user, form.Password!));
            }

            if (!modelState.IsValid)
            {
                return null;
            }
        }

        var created = withPassword ? await users.CreateAsync(user, form.Password!) : await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            AddErrors(modelState, created);
            return null;
        }

        AddErrors(modelState, await users.AddToRolesAsync(user, form.ValidRoles));
        if (!withPassword)
        {
            // Without a first password the person chooses their own through an emailed link (sent through the outbox).
            await passwordLinks.AddInvitationAsync(user);
            await db.SaveChangesAsync();
        }

        return user;
    }

    public async Task<EditUserForm?> EditFormAsync(string id, string? currentUserId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var form = new EditUserForm
        {
            DisplayName = user.DisplayName,
            JobTitle = user.JobTitle,
            Roles = [.. await users.GetRolesAsync(user)],
        };
        return await DecorateAsync(form, user, currentUserId, ct);
    }

    /// <summary>Fills what the edit page shows beside the form.</summary>
    public async Task<EditUserForm> DecorateAsync(EditUserForm form, ApplicationUser user, string? currentUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(user);
        form.Id = user.Id;
        form.Email = user.Email;
        form.IsActive = user.IsActive;
        form.IsYou = user.Id == currentUserId;
        form.ActionsLed = await db.Actions.CountAsync(a => a.LeadUserId == user.Id, ct);
        form.PrioritiesLed = await db.Priorities.CountAsync(p => p.LeadUserId == user.Id, ct);
        return form;
    }

    public Task<ApplicationUser?> FindAsync(string id) => users.FindByIdAsync(id);

    /// <summary>Saves name, job title and roles. A role change renews the security stamp, so it applies to open sessions within minutes.</summary>
    public async Task<bool> UpdateAsync(ApplicationUser user, EditUserForm form, string? currentUserId, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        form.Validate(modelState);
        var wanted = form.ValidRoles;
        if (user.Id == currentUserId && !wanted.Contains(Roles.Administrator))
        {
            modelState.AddModelError(nameof(form.Roles), OwnAdminMessage);
        }

        if (!modelState.IsValid)
        {
            return false;
        }

        user.DisplayName = form.DisplayName!.Trim();
        user.JobTitle = string.IsNullOrWhiteSpace(form.JobTitle) ? null : form.JobTitle.Trim();
        AddErrors(modelState, await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        var toAdd = wanted.Except(current).ToList();
        var toRemove = current.Except(wanted).ToList();
        if (toRemove.Count > 0)
        {
            AddErrors(modelState, await users.RemoveFromRolesAsync(user, toRemove));
        }

        if (toAdd.Count > 0)
        {
            AddErrors(modelState, await users.AddToRolesAsync(user, toAdd));
        }

        if (toAdd.Count + toRemove.Count > 0)
        {
            AddErrors(modelState, await users.UpdateSecurityStampAsync(user));
        }

        return modelState.IsValid;
    }

    /// <summary>Deactivates or reactivates the user. The security stamp changes in the same save, so a deactivated user's sessions end.</summary>
    public async Task<string?> SetActiveAsync(ApplicationUser user, bool active, string? currentUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!active && user.Id == currentUserId)
        {
            return OwnDeactivationMessage;
        }

        user.IsActive = active;
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    /// <summary>Emails the user a link to choose a new password (through the outbox); their current password keeps working until they do.</summary>
    public async Task SendResetLinkAsync(ApplicationUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await passwordLinks.AddResetLinkAsync(user, sentByAdministrator: true);
        await db.SaveChangesAsync(ct);
    }

    public async Task<LeadsForm> LeadsFormAsync(ApplicationUser user, LeadsForm? posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var planId = await currentPlan.IdAsync(ct);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Other(string? leadUserId) => leadUserId is null || leadUserId == user.Id ? null : names.GetValueOrDefault(leadUserId, "someone else");

        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Reference, a.ActionText, a.LeadUserId }).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.Title, p.LeadUserId }).ToListAsync(ct);

        var form = posted ?? new LeadsForm
        {
            ActionIds = [.. actions.Where(a => a.LeadUserId == user.Id).Select(a => a.Id)],
            PriorityIds = [.. priorities.Where(p => p.LeadUserId == user.Id).Select(p => p.Id)],
        };
        form.UserId = user.Id;
        form.UserName = user.DisplayName;
        form.IsHeadOfService = await users.IsInRoleAsync(user, Roles.HeadOfService);
        form.Actions = [.. actions.Select(a => new LeadChoice(a.Id, $"{a.Reference}: {Shorten(a.ActionText)}", Other(a.LeadUserId)))];
        form.Priorities = [.. priorities.Select(p => new LeadChoice(p.Id, $"{p.Number}. {p.Title}", Other(p.LeadUserId)))];
        return form;
    }

    /// <summary>Makes the user the lead of exactly the chosen actions and priorities (taking over from any other lead).</summary>
    public async Task SaveLeadsAsync(ApplicationUser user, LeadsForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        var planId = await currentPlan.IdAsync(ct);
        var actions = await db.Actions.Where(a => a.PlanId == planId && (a.LeadUserId == user.Id || form.ActionIds.Contains(a.Id))).ToListAsync(ct);
        foreach (var action in actions)
        {
            var leads = form.ActionIds.Contains(action.Id);
            if (leads && action.LeadUserId != user.Id)
            {
                action.AssignLead(user.Id);
            }
            else if (!leads && action.LeadUserId == user.Id)
            {
                action.AssignLead(null);
            }
        }

        var priorities = await db.Priorities.Where(p => p.PlanId == planId && (p.LeadUserId == user.Id || form.PriorityIds.Contains(p.Id))).ToListAsync(ct);
        foreach (var priority in priorities)
        {
            var leads = form.PriorityIds.Contains(priority.Id);
            if (leads && priority.LeadUserId != user.Id)
            {
                priority.AssignLead(user.Id);
            }
            else if (!leads && priority.LeadUserId == user.Id)
            {
                priority.AssignLead(null);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..90].TrimEnd() + "…";

    /// <summary>Puts Identity's refusals next to the field they are about, in GOV.UK wording where we know the code.</summary>
    private static void AddErrors(ModelStateDictionary modelState, IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var (field, message) = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => (nameof(NewUserForm.Password), "Password must be 12 characters or more"),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => (nameof(NewUserForm.Password), "Password must use more different characters"),
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                    (nameof(NewUserForm.Email), "A user with this email address already exists"),
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                    (nameof(NewUserForm.Email), "Enter an email address in the correct format, like name@example.com"),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => (nameof(NewUserForm.Password), error.Description),
                _ => (string.Empty, error.Description),
            };
            if (modelState[field]?.Errors.Any(e => e.ErrorMessage == message) != true)
            {
                modelState.AddModelError(field, message);
            }
        }
    }
}
