namespace ImprovementPlan.Web.Identity;

/// <summary>
/// Optional single sign-on through an OpenID Connect provider (for a council, usually Microsoft Entra
/// ID), bound from "Authentication:OpenIdConnect". Off unless an authority and a client id are set.
/// People still have to be added to the tracker by an administrator: the provider proves who they
/// are, the tracker decides what they may do.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The authentication scheme's name, also the login provider recorded against linked users.</summary>
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/{tenant id}/v2.0 (one tenant, not "common").</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The app registration's secret; keep it in an environment variable or a secret store, not in a file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button calls the provider: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "your council account";

    /// <summary>Metadata must come over HTTPS; only a local test provider may turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
