using System.Data.Common;
using System.Security.Claims;
using ImprovementPlan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Identity;

/// <summary>
/// Whether a signed-in cookie's security stamp is still the account's. Signing out changes the stamp,
/// so a copy of the cookie stops working at once, on every instance that shares the database. One
/// indexed read of one column per request; roles and name are still refreshed on Identity's own
/// five-minute interval.
/// </summary>
public sealed partial class SessionStampCheck(ImprovementPlanDbContext db, IOptions<IdentityOptions> identity, ILogger<SessionStampCheck> logger)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal)
    {
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        try
        {
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
            return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
        }
        catch (DbException exception)
        {
            // The database cannot be read: the page asked for will fail with the "service unavailable"
            // page; signing the person out over an outage would only lose their place.
            LogStampNotChecked(logger, exception);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session's security stamp could not be checked: the database cannot be read")]
    private static partial void LogStampNotChecked(ILogger logger, Exception exception);
}
