using System.Security.Claims;

namespace ImprovementPlan.Web.Infrastructure;

/// <summary>The signed-in user of the current request: read the user's id and roles here, not from claims in each feature.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    /// <summary>The Identity user id, or null when nobody is signed in.</summary>
    public string? Id => IsSignedIn ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string Name => IsSignedIn ? Principal.Identity?.Name ?? "Unknown" : "Anonymous";

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
