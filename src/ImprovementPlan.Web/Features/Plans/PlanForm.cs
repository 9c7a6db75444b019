using System.Text.RegularExpressions;
using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>A new plan's details, as typed: for creating a plan and for the copy of one.</summary>
public sealed partial class PlanForm
{
    public string? Title { get; set; }

    public string? Organisation { get; set; }

    public DateParts PeriodStart { get; set; } = new();

    public DateParts PeriodEnd { get; set; } = new();

    public string? OldLaCode { get; set; }

    public string? NewLaCode { get; set; }

    public string? RegionCode { get; set; }

    public string? RegionName { get; set; }

    public string? Summary { get; set; }

    /// <summary>The plan being copied (from the route); null when creating one.</summary>
    public int? CopyOfId { get; set; }

    public string? CopyOfTitle { get; set; }

    /// <summary>The form's values checked, or the message for each field that is wrong, in GOV.UK words.</summary>
    public (ValidPlan? Plan, Dictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        var title = Title?.Trim();
        var organisation = Organisation?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors[nameof(Title)] = "Enter a title for the plan";
        }
        else if (title.Length > 300)
        {
            errors[nameof(Title)] = "The title must be 300 characters or fewer";
        }

        if (string.IsNullOrEmpty(organisation))
        {
            errors[nameof(Organisation)] = "Enter the organisation";
        }
        else if (organisation.Length > 300)
        {
            errors[nameof(Organisation)] = "The organisation must be 300 characters or fewer";
        }

        var (start, startError) = (PeriodStart ?? new()).Parse("the date the plan starts");
        var (end, endError) = (PeriodEnd ?? new()).Parse("the date the plan ends");
        if (startError is not null)
        {
            errors[nameof(PeriodStart)] = startError;
        }

        if (endError is not null)
        {
            errors[nameof(PeriodEnd)] = endError;
        }
        else if (start is { } s && end is { } e && e <= s)
        {
            errors[nameof(PeriodEnd)] = "The date the plan ends must be after the date it starts";
        }

        var oldCode = Blank(OldLaCode);
        var newCode = Blank(NewLaCode)?.ToUpperInvariant();
        var regionCode = Blank(RegionCode)?.ToUpperInvariant();
        if (oldCode is not null && !OldCode().IsMatch(oldCode))
        {
            errors[nameof(OldLaCode)] = "The old LA code must be 3 digits, like 332";
        }

        if (newCode is not null && !OnsCode().IsMatch(newCode))
        {
            errors[nameof(NewLaCode)] = "The new LA code must be a letter and 8 digits, like E08000027";
        }

        if ((oldCode is null) != (newCode is null))
        {
            errors[oldCode is null ? nameof(OldLaCode) : nameof(NewLaCode)] = "Enter both LA codes, old and new, or neither";
        }

        if (regionCode is not null && !OnsCode().IsMatch(regionCode))
        {
            errors[nameof(RegionCode)] = "The region code must be a letter and 8 digits, like E12000005";
        }

        var regionName = Blank(RegionName);
        if (regionName is { Length: > 100 })
        {
            errors[nameof(RegionName)] = "The region name must be 100 characters or fewer";
        }

        var summary = Blank(Summary);
        if (summary is { Length: > 4000 })
        {
            errors[nameof(Summary)] = "The summary must be 4000 characters or fewer";
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidPlan(title!, organisation!, start!.Value, end!.Value, oldCode, newCode, regionCode, regionName, summary), errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex OldCode();

    [GeneratedRegex("^[EWSN][0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex OnsCode();
}

/// <summary>A plan's details once checked.</summary>
public sealed record ValidPlan(string Title, string Organisation, DateOnly PeriodStart, DateOnly PeriodEnd, string? OldLaCode, string? NewLaCode,
    string? RegionCode, string? RegionName, string? Summary);
