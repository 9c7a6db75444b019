using System.Globalization;
using System.Text.Encodings.Web;
using ImprovementPlan.Domain.Measures;
using Microsoft.AspNetCore.Html;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>How dates and figures read in reports, whatever the server's culture.</summary>
public static class ReportFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>
    /// The text, HTML-encoded, with a line-break opportunity after each slash, so that words joined by
    /// slashes ("audit/review/inspection") wrap at a slash in a narrow column instead of mid-word.
    /// </summary>
    public static IHtmlContent WrapAtSlashes(string? text) =>
        new HtmlString(HtmlEncoder.Default.Encode(text ?? string.Empty).Replace("/", "/<wbr>", StringComparison.Ordinal));

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "No date";

    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", EnGb);

    public static string Number(decimal value) => value.ToString("#,##0.##", EnGb);

    public static string Value(decimal value, MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent => Number(value) + "%",
        MeasureUnit.Days => value == 1 ? "1 day" : Number(value) + " days",
        MeasureUnit.Currency => "£" + value.ToString("#,##0.00", EnGb),
        _ => Number(value),
    };

    public static string Period(DateOnly from, DateOnly to) => $"{Date(from)} to {Date(to)}";
}
