namespace ImprovementPlan.Domain.Measures;

/// <summary>How often a measure has a figure, which fixes the periods its figures cover (see <see cref="MeasurePeriod"/>).</summary>
public enum MeasureFrequency
{
    /// <summary>Calendar months.</summary>
    Monthly = 0,

    /// <summary>The council's financial-year quarters: Q1 is April to June.</summary>
    Quarterly = 1,

    /// <summary>Calendar years, January to December.</summary>
    Annual = 2,

    /// <summary>A figure counted once, for whatever dates it covers; never due again.</summary>
    OneOff = 3,

    /// <summary>The DfE's reporting year for children's social care statistics: 1 April to 31 March.</summary>
    DfeReportingYear = 4,
}
