namespace ImprovementPlan.Domain.Measures;

/// <summary>What a measure's figures count. The stored names are kept from the first release (Count is "number", Currency is "money").</summary>
public enum MeasureUnit
{
    Percent = 0,
    Count = 1,
    Days = 2,
    Ratio = 3,
    Currency = 4,
    RatePer10000Children = 5,
}
