namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>The four parts of a plan's structure, as they appear in URLs (/plan-structure/{kind}/...).</summary>
public static class StructureKind
{
    public const string Workstreams = "workstreams";
    public const string Priorities = "priorities";
    public const string SourceReviews = "source-reviews";
    public const string Stages = "stages";

    /// <summary>The kind named by a structure URL's second segment, or null.</summary>
    public static string? FromPath(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 1 && segments[1] is Workstreams or Priorities or SourceReviews or Stages ? segments[1] : null;
    }
}
