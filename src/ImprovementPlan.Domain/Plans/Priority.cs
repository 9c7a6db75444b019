using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Plans;

/// <summary>One of the inspectorate's priority areas for improvement.</summary>
public class Priority : Entity
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
}
