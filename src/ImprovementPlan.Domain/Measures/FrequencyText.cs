namespace ImprovementPlan.Domain.Measures;

/// <summary>Frequencies and units in words.</summary>
public static class FrequencyText
{
    public static string PeriodNoun(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Monthly => "calendar month",
        MeasureFrequency.Quarterly => "financial quarter (April to June, July to September, October to December or January to March)",
        MeasureFrequency.Annual => "calendar year",
        MeasureFrequency.DfeReportingYear => "DfE reporting year (1 April to 31 March)",
        _ => "period",
    };

    public static string Name(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Monthly => "Monthly",
        MeasureFrequency.Quarterly => "Quarterly",
        MeasureFrequency.Annual => "Annual (calendar year)",
        MeasureFrequency.DfeReportingYear => "DfE reporting year (April to March)",
        MeasureFrequency.OneOff => "One-off",
        _ => frequency.ToString(),
    };

    public static string Name(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent => "Percentage",
        MeasureUnit.Count => "Number",
        MeasureUnit.Days => "Days",
        MeasureUnit.Ratio => "Ratio",
        MeasureUnit.Currency => "Money (£)",
        MeasureUnit.RatePer10000Children => "Rate per 10,000 children",
        _ => unit.ToString(),
    };
}
