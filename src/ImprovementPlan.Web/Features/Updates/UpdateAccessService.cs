using System.Security.Claims;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>
/// Who may see and change a progress update, and so its evidence. Checked on the server for every
/// request, whatever the id came from.
/// </summary>
public sealed class UpdateAccessService(IAuthorizationService authorization)
{
    /// <summary>Approved updates are public to every signed-in user; until then, the author, the record's lead and the Service Director.</summary>
    public async Task<bool> CanViewAsync(ClaimsPrincipal user, ProgressUpdate update, UpdateRecord record)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(record);
        return update.State == UpdateState.Approved
            || IsAuthor(user, update)
            || user.IsInRole(Roles.ServiceDirector)
            || await LeadsAsync(user, record);
    }

    /// <summary>May write updates on this record: a head of service who leads it, or the Service Director.</summary>
    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, UpdateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await authorization.AuthorizeAsync(user, Policies.WriteUpdates)).Succeeded && await LeadsAsync(user, record);
    }

    /// <summary>May change this update (its text, evidence, or submit it): its author, while they may still write on its record.</summary>
    public async Task<bool> CanChangeAsync(ClaimsPrincipal user, ProgressUpdate update, UpdateRecord record) =>
        IsAuthor(user, update) && await CanWriteAsync(user, record);

    public static bool IsAuthor(ClaimsPrincipal user, ProgressUpdate update)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(update);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && update.AuthorUserId == userId;
    }

    private async Task<bool> LeadsAsync(ClaimsPrincipal user, UpdateRecord record) =>
        (await authorization.AuthorizeAsync(user, record.Resource, Policies.LeadsRecord)).Succeeded;
}
