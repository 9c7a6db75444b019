using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>
/// The GOV.UK date input (day, month, year) for a <see cref="DateParts"/> property:
/// <c>&lt;govuk-date-input asp-for="DueDate" legend="New due date" hint="For example, 31 3 2021" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkField
{
    public string? Legend { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        string Part(string part, string label, string? value, int width)
        {
            // The day field carries the field's own id, so the error summary's link lands on it.
            var id = part == "Day" ? Id : $"{Id}.{part}";
            return "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
                + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>"
                + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(Error is null ? "" : " govuk-input--error")}\""
                + $" id=\"{id}\" name=\"{Encode(Name)}.{part}\" type=\"text\" inputmode=\"numeric\""
                + $" value=\"{Encode(Attempted(part) ?? value)}\"></div></div>";
        }

        Replace(output, FormGroupOpen()
            + $"<fieldset class=\"govuk-fieldset\" role=\"group\"{(DescribedBy is null ? "" : $" aria-describedby=\"{DescribedBy}\"")}>"
            + $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Legend ?? LabelText)}</legend>"
            + HintAndErrorHtml()
            + $"<div class=\"govuk-date-input\" id=\"{Id}-group\">"
            + Part("Day", "Day", parts.Day, 2) + Part("Month", "Month", parts.Month, 2) + Part("Year", "Year", parts.Year, 4)
            + "</div></fieldset></div>");
    }

    private string? Attempted(string part) =>
        ViewContext.ViewData.ModelState.TryGetValue($"{Name}.{part}", out var entry) ? entry.AttemptedValue : null;
}
