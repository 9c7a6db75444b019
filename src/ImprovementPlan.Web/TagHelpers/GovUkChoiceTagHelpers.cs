using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>A GOV.UK select: <c>&lt;govuk-select asp-for="Workstream" label="Workstream" items="Model.Workstreams" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkField
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder(FormGroupOpen() + LabelHtml() + HintAndErrorHtml());
        html.Append(CultureInfo.InvariantCulture, $"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Encode(Name)}\"")
            .Append(DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"").Append('>');
        var current = CurrentValue;
        foreach (var item in Items)
        {
            var selected = current is not null ? item.Value == current : item.Selected;
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Encode(item.Value)}\"{(selected ? " selected" : "")}>{Encode(item.Text)}</option>");
        }

        Replace(output, html.Append("</select></div>").ToString());
    }
}

/// <summary>GOV.UK radios in a fieldset: <c>&lt;govuk-radios asp-for="Rag" legend="Proposed rating" items="…" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkField
{
    public string? Legend { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder(FormGroupOpen());
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"govuk-fieldset\"{(DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"")}>")
            .Append(CultureInfo.InvariantCulture, $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Legend ?? LabelText)}</legend>")
            .Append(HintAndErrorHtml())
            .Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">");
        var current = CurrentValue;
        var index = 0;
        foreach (var item in Items)
        {
            // The first radio takes the field's id so the error summary's link lands on it.
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = current is not null ? item.Value == current : item.Selected;
            html.Append("<div class=\"govuk-radios__item\">")
                .Append(CultureInfo.InvariantCulture, $"<input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Encode(Name)}\" type=\"radio\" value=\"{Encode(item.Value)}\"{(isChecked ? " checked" : "")}>")
                .Append(CultureInfo.InvariantCulture, $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Encode(item.Text)}</label></div>");
        }

        Replace(output, html.Append("</div></fieldset></div>").ToString());
    }
}
