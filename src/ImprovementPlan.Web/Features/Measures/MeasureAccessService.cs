using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>
/// Who may change a measure: performance officers, the Service Director and administrators maintain every
/// measure; a measure's data owner may enter and correct its figures whatever their role; everyone else reads.
/// </summary>
public sealed class MeasureAccessService(IAuthorizationService authorization, CurrentUser user)
{
    public async Task<bool> MayMaintainAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.MaintainMeasures)).Succeeded;

    public async Task<bool> MayEnterFiguresAsync(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return IsDataOwner(measure) || await MayMaintainAsync();
    }

    public bool IsDataOwner(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return user.Id is { } id && string.Equals(measure.DataOwnerUserId, id, StringComparison.Ordinal);
    }
}
