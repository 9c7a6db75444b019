namespace ImprovementPlan.Domain.Common;

/// <summary>A business rule refused a change; the message is written for the user who tried it.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
