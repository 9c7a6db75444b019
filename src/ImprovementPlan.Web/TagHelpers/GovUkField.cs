using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>
/// What every GOV.UK form field shares: a label or legend, an optional hint, the first error for the
/// field from ModelState, and the aria-describedby that ties them to the control.
/// </summary>
public abstract class GovUkField : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    public string? Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>Show the label as the page heading (one-question pages).</summary>
    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The value to redisplay: what the user posted if the form failed, else the model's.</summary>
    protected string? CurrentValue =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(For.Model, System.Globalization.CultureInfo.CurrentCulture);

    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Name;

    protected string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }
        .OfType<string>()) is { Length: > 0 } ids ? ids : null;

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    protected string FormGroupOpen(string extraClass = "") =>
        $"<div class=\"govuk-form-group{(Error is null ? "" : " govuk-form-group--error")}{extraClass}\">";

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : "")}\" for=\"{Id}\">{Encode(LabelText)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintAndErrorHtml() =>
        (Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>")
        + (Error is null ? "" : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Error)}</p>");

    protected static void Replace(TagHelperOutput output, string html)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.Content.SetHtmlContent(html);
    }
}
