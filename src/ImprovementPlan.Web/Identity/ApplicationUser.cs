using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Identity;

/// <summary>A person who signs in. Deactivated users keep their history but cannot sign in.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public string? JobTitle { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The plan the user last chose to work on (see CurrentPlan); null for the first active plan.</summary>
    public int? CurrentPlanId { get; set; }

    /// <summary>Whether notices come one by one as they happen or in one email a day.</summary>
    public Domain.Notifications.NoticeDelivery NoticeDelivery { get; set; }
}
