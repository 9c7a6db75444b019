using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ImprovementPlan.Web.TagHelpers;

/// <summary>
/// Puts every GOV.UK table in a container that scrolls sideways on its own when the table is wider
/// than the screen, so the page itself never does. The container can take keyboard focus (so it can be
/// scrolled without a mouse) and is named after the table's caption.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class GovUkTableTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var classes = output.Attributes["class"]?.Value?.ToString() ?? string.Empty;
        if (!classes.Split(' ').Contains("govuk-table"))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content) is { Success: true } match
            ? WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, string.Empty)).Trim()
            : string.Empty;
        var name = caption.Length > 0 ? caption : "Table";
        output.PreElement.SetHtmlContent(
            $"<div class=\"app-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(name)}\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    [GeneratedRegex(@"<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
