using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

public enum PlanStatus
{
    Draft = 0,
    Active = 1,
    Closed = 2,

    /// <summary>Kept for the record: read and reported on, never changed.</summary>
    Archived = 3,
}

/// <summary>An improvement plan owed to the inspectorate; a deployment may hold several.</summary>
public class Plan : Entity
{
    private Plan()
    {
        Title = Organisation = string.Empty;
    }

    public Plan(string title, string organisation, DateOnly periodStart, DateOnly periodEnd, string? summary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        if (periodEnd < periodStart)
        {
            throw new ArgumentException("A plan cannot end before it starts.", nameof(periodEnd));
        }

        Title = title;
        Organisation = organisation;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Summary = summary;
        Status = PlanStatus.Active;
    }

    public string Title { get; private set; }

    public string Organisation { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string? Summary { get; private set; }

    public PlanStatus Status { get; private set; }

    /// <summary>When the plan was archived (UTC), or null while it is in use.</summary>
    public DateTime? ArchivedAt { get; private set; }

    /// <summary>The plan this one was copied from, if any.</summary>
    public int? CopiedFromPlanId { get; private set; }

    public bool IsArchived => Status == PlanStatus.Archived;

    /// <summary>The council's old three-digit LA code in the DfE's statistics, e.g. "332"; also the key of its statistical neighbours.</summary>
    public string? OldLaCode { get; private set; }

    /// <summary>The council's nine-character ONS code, e.g. "E08000027".</summary>
    public string? NewLaCode { get; private set; }

    /// <summary>The code of the council's region, e.g. "E12000005".</summary>
    public string? RegionCode { get; private set; }

    public string? RegionName { get; private set; }

    public bool HasLaCodes => OldLaCode is not null && NewLaCode is not null;

    /// <summary>Names the council as the DfE's statistics do, so its figures can be found in them.</summary>
    public void SetLaCodes(string oldLaCode, string newLaCode, string? regionCode, string? regionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldLaCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(newLaCode);
        var old = oldLaCode.Trim();
        if (old.Length != 3 || !old.All(char.IsAsciiDigit))
        {
            throw new DomainRuleException("The old LA code is three digits, such as 332.");
        }

        OldLaCode = old;
        NewLaCode = newLaCode.Trim().ToUpperInvariant();
        RegionCode = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim().ToUpperInvariant();
        RegionName = string.IsNullOrWhiteSpace(regionName) ? null : regionName.Trim();
    }

    /// <summary>Archives the plan: from now on it is read and reported on, never changed.</summary>
    public void Archive(DateTime at)
    {
        if (IsArchived)
        {
            throw new DomainRuleException("This plan is already archived");
        }

        Status = PlanStatus.Archived;
        ArchivedAt = at;
    }

    /// <summary>Records the plan this one was copied from.</summary>
    public void MarkCopiedFrom(int planId) => CopiedFromPlanId = planId;

    /// <summary>The message every refused write to an archived plan shows.</summary>
    public const string ArchivedMessage = "This plan is archived. It can be read and reported on, but not changed";

    /// <summary>Why a date cannot belong to a plan that began on <paramref name="planStart"/>, or null when it can; <paramref name="what"/> names the date, e.g. "The due date".</summary>
    public static string? RefuseDateBeforeStart(DateOnly planStart, DateOnly date, string what) =>
        date < planStart
            ? $"{what} must be on or after {planStart.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, when the plan began"
            : null;
}
