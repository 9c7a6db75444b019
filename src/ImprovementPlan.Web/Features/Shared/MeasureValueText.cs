using System.Globalization;
using ImprovementPlan.Domain.Measures;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>A measure's figure with its unit, as people write it: "76%", "7 days", "24.1", "£1,200".</summary>
public static class MeasureValueText
{
    public static string Format(decimal value, MeasureUnit unit)
    {
        var number = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            MeasureUnit.Percent => number + "%",
            MeasureUnit.Days => number + (value == 1 ? " day" : " days"),
            MeasureUnit.Currency => "£" + number,
            _ => number,
        };
    }
}
