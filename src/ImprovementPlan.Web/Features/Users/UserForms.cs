using System.ComponentModel.DataAnnotations;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ImprovementPlan.Web.Features.Users;

/// <summary>A person's name, job title and roles: what an administrator can change.</summary>
public class UserDetailsForm
{
    public const int NameLimit = 200;
    public const int JobTitleLimit = 300;

    public string? DisplayName { get; set; }

    public string? JobTitle { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>The roles posted that exist (a tampered value is ignored).</summary>
    public IReadOnlyList<string> ValidRoles => [.. Identity.Roles.All.Where(Roles.Contains)];

    public virtual void Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            modelState.AddModelError(nameof(DisplayName), "Enter the person’s name");
        }
        else if (DisplayName.Length > NameLimit)
        {
            modelState.AddModelError(nameof(DisplayName), "The name must be 200 characters or fewer");
        }

        if (JobTitle?.Length > JobTitleLimit)
        {
            modelState.AddModelError(nameof(JobTitle), "The job title must be 300 characters or fewer");
        }

        if (ValidRoles.Count == 0)
        {
            modelState.AddModelError(nameof(Roles), "Select at least one role");
        }
    }
}

/// <summary>A new user: their details, email address and, optionally, a first password (without one they get an email link to choose it).</summary>
public sealed class NewUserForm : UserDetailsForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public override void Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(Email))
        {
            modelState.AddModelError(nameof(Email), "Enter an email address");
        }
        else if (Email.Length > 256 || !new EmailAddressAttribute().IsValid(Email.Trim()))
        {
            modelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }

        base.Validate(modelState);
        if (Password?.Length > 256)
        {
            modelState.AddModelError(nameof(Password), "Password must be 256 characters or fewer");
        }
    }
}

/// <summary>An existing user's page: the details form and what the page shows beside it.</summary>
public sealed class EditUserForm : UserDetailsForm
{
    [BindNever]
    public string? Id { get; set; }

    [BindNever]
    public string? Email { get; set; }

    [BindNever]
    public bool IsActive { get; set; }

    [BindNever]
    public bool IsYou { get; set; }

    [BindNever]
    public int ActionsLed { get; set; }

    [BindNever]
    public int PrioritiesLed { get; set; }
}

/// <summary>The actions and priorities a user leads.</summary>
public sealed class LeadsForm
{
    public List<int> ActionIds { get; set; } = [];

    public List<int> PriorityIds { get; set; } = [];

    [BindNever]
    public string? UserId { get; set; }

    [BindNever]
    public string? UserName { get; set; }

    [BindNever]
    public bool IsHeadOfService { get; set; }

    [BindNever]
    public IReadOnlyList<LeadChoice> Actions { get; set; } = [];

    [BindNever]
    public IReadOnlyList<LeadChoice> Priorities { get; set; } = [];
}

/// <summary>An action or priority offered on the leads page, with who leads it now if that is someone else.</summary>
public sealed record LeadChoice(int Id, string Label, string? LedBySomeoneElse);

/// <summary>One row of the users list.</summary>
public sealed record UserRow(string Id, string DisplayName, string? Email, string? JobTitle, IReadOnlyList<string> Roles, bool IsActive,
    int ActionsLed, int PrioritiesLed);

/// <summary>The checkbox list of roles, with what each can do.</summary>
public static class RoleChoices
{
    public static IReadOnlyList<(string Role, string Hint)> All =>
    [
        (Roles.Administrator, "Users, roles and the plan’s structure"),
        (Roles.ServiceDirector, "Approves updates and due-date changes, sets ratings"),
        (Roles.HeadOfService, "Updates the actions and priorities they lead"),
        (Roles.PerformanceOfficer, "Maintains measures, targets and actuals"),
        (Roles.CommitteeClerk, "Prepares and publishes reports"),
        (Roles.Viewer, "Reads the plan and published reports"),
    ];
}
