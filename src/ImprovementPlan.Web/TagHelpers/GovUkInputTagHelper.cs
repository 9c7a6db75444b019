using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>A GOV.UK text input: <c>&lt;govuk-input asp-for="Email" label="Email address" type="email" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkField
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix: 2, 3, 4, 5, 10, 20, 30, or "one-half", "two-thirds"…</summary>
    public string? Width { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var width = Width is null ? "" : char.IsDigit(Width[0]) ? $" govuk-input--width-{Width}" : $" govuk-!-width-{Width}";
        var value = Type == "password" ? "" : CurrentValue;
        Replace(output, FormGroupOpen() + LabelHtml() + HintAndErrorHtml()
            + $"<input class=\"govuk-input{width}{(Error is null ? "" : " govuk-input--error")}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\""
            + $" value=\"{Encode(value)}\""
            + (Autocomplete is null ? "" : $" autocomplete=\"{Encode(Autocomplete)}\"")
            + (Spellcheck ? "" : " spellcheck=\"false\"")
            + (DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"")
            + "></div>");
    }
}
