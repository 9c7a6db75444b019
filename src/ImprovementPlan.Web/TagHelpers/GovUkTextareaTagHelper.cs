using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>A GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Narrative" label="What we have done" rows="8" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkField
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        Replace(output, FormGroupOpen() + LabelHtml() + HintAndErrorHtml()
            + $"<textarea class=\"govuk-textarea{(Error is null ? "" : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{Encode(Name)}\" rows=\"{Rows}\""
            + (DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"")
            + $">{Encode(CurrentValue)}</textarea></div>");
}
