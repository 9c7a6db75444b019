using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>An inspection or review that actions answer to, e.g. O19 (Ofsted focus visit, December 2019).</summary>
public class SourceReview : Entity
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
}
