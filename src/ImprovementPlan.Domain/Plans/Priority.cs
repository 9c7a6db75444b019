using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>One of the inspectorate's priority areas for improvement.</summary>
public class Priority : Entity, IStructureItem
{
    private Priority()
    {
        Title = WhatNeedsToImprove = WhatOfstedSaid = string.Empty;
    }

    public Priority(int planId, int number, string title, string? heading, string whatNeedsToImprove, string whatOfstedSaid,
        string? closingStatement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        PlanId = planId;
        Number = number;
        Title = title;
        Heading = heading;
        WhatNeedsToImprove = whatNeedsToImprove;
        WhatOfstedSaid = whatOfstedSaid;
        ClosingStatement = closingStatement;
    }

    public int PlanId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>The section heading in the council's report, where it differs from the short title.</summary>
    public string? Heading { get; private set; }

    public string WhatNeedsToImprove { get; private set; }

    public string WhatOfstedSaid { get; private set; }

    /// <summary>A closing paragraph after the progress bullets, where the report has one.</summary>
    public string? ClosingStatement { get; private set; }

    /// <summary>The head of service who leads this priority (an identity user id), if assigned.</summary>
    public string? LeadUserId { get; private set; }

    public void AssignLead(string? userId) => LeadUserId = userId;

    /// <summary>The lead's job title as the plan names it, for display.</summary>
    public string? LeadJobTitle { get; private set; }

    /// <summary>Position in the plan's own order of priorities (the number stays the priority's name).</summary>
    public int SortOrder { get; private set; }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    /// <summary>Changes who leads the priority: a person (where they have an account) and the job title shown.</summary>
    public void ChangeLead(string? leadUserId, string? leadJobTitle)
    {
        LeadUserId = leadUserId;
        LeadJobTitle = leadJobTitle;
    }

    public void Edit(int number, string title, string? heading, string whatNeedsToImprove, string whatOfstedSaid, string? closingStatement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Number = number;
        Title = title;
        Heading = heading;
        WhatNeedsToImprove = whatNeedsToImprove;
        WhatOfstedSaid = whatOfstedSaid;
        ClosingStatement = closingStatement;
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

    public string Label => $"Priority {Number}";
}
