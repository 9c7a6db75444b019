using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>An inspection or review that actions answer to, e.g. O19 (Ofsted focus visit, December 2019).</summary>
public class SourceReview : Entity, IStructureItem
{
    private SourceReview()
    {
        Code = Title = string.Empty;
    }

    public SourceReview(int planId, string code, string title, DateOnly? date, string? dateText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        PlanId = planId;
        Code = code;
        Title = title;
        Date = date;
        DateText = dateText;
    }

    public int PlanId { get; private set; }

    public string Code { get; private set; }

    public string Title { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? DateText { get; private set; }

    /// <summary>Position in the plan's own order of reviews.</summary>
    public int SortOrder { get; private set; }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Edit(string code, string title, DateOnly? date, string? dateText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Code = code;
        Title = title;
        Date = date;
        DateText = dateText;
    }

    /// <summary>The date this was retired from: hidden from choices for new entries, kept in history and earlier reports.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public bool IsRetired => RetiredOn is not null;

    /// <summary>Retires it from <paramref name="retiredOn"/>; its history stays.</summary>
    public void Retire(DateOnly retiredOn)
    {
        if (IsRetired)
        {
            throw new DomainRuleException("This is already retired");
        }

        RetiredOn = retiredOn;
    }

    /// <summary>Brings a retired entry back into use.</summary>
    public void Reinstate() => RetiredOn = null;

    public string Label => $"Source review {Code}";
}
