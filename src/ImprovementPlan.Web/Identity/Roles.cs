namespace ImprovementPlan.Web.Identity;

/// <summary>The roles of DESIGN.md §2. Names are stored in the database; do not rename.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ServiceDirector = "ServiceDirector";
    public const string HeadOfService = "HeadOfService";
    public const string PerformanceOfficer = "PerformanceOfficer";
    public const string CommitteeClerk = "CommitteeClerk";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All =
        [Administrator, ServiceDirector, HeadOfService, PerformanceOfficer, CommitteeClerk, Viewer];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrator",
        ServiceDirector => "Service Director",
        HeadOfService => "Head of Service",
        PerformanceOfficer => "Performance officer",
        CommitteeClerk => "Committee clerk",
        Viewer => "Board member or partner",
        _ => role,
    };
}
