using System.Security.Claims;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ImprovementPlan.Web.Authorization;

/// <summary>The user leads the action or priority (as a head of service), or is the Service Director.</summary>
public sealed class LeadsRecordRequirement : IAuthorizationRequirement;

/// <summary>
/// Decides <see cref="LeadsRecordRequirement"/> for an <see cref="ImprovementAction"/> or a
/// <see cref="Priority"/>. Checked on the server for every write, whatever the id came from.
/// </summary>
public sealed class LeadsRecordHandler : AuthorizationHandler<LeadsRecordRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LeadsRecordRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Leads(context.User, context.Resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool Leads(ClaimsPrincipal user, object? record)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.ServiceDirector))
        {
            return record is ImprovementAction or Priority;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var leadUserId = record switch
        {
            ImprovementAction action => action.LeadUserId,
            Priority priority => priority.LeadUserId,
            _ => null,
        };
        return userId is not null && user.IsInRole(Roles.HeadOfService) && leadUserId == userId;
    }
}
