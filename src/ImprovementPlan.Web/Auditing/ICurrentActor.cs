using System.Security.Claims;

namespace ImprovementPlan.Web.Auditing;

/// <summary>Who is making a change, for the audit trail.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string UserName { get; }

    string? Roles { get; }
}

/// <summary>The signed-in user of the current request, or "System" outside a request (start-up, seeding).</summary>
public sealed class HttpContextActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => User?.Identity?.Name ?? "System";

    public string? Roles => User is null
        ? null
        : string.Join(",", User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
}
