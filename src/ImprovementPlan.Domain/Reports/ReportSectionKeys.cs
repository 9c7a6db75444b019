namespace ImprovementPlan.Domain.Reports;

/// <summary>The narrative sections of a scrutiny-committee report, in the council's order.</summary>
public static class ReportSectionKeys
{
    public const string Purpose = "purpose";
    public const string Recommendations = "recommendations";
    public const string Background = "background";
    public const string Finance = "finance";
    public const string Law = "law";
    public const string EqualityImpact = "equality-impact";
    public const string HumanResources = "human-resources";
    public const string Commercial = "commercial";
    public const string Health = "health-wellbeing-safety";
    public const string Signatory = "signatory";
    public const string ContactOfficer = "contact-officer";
}
