using System.Net;
using System.Text;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>
/// Builds an email's plain text and simple, accessible HTML from the same parts: a heading,
/// paragraphs and lists of linked items. Every piece of text is HTML-encoded.
/// </summary>
public sealed class EmailContent
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public EmailContent(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        _text.AppendLine(heading).AppendLine(new string('=', Math.Min(heading.Length, 70))).AppendLine();
        _html.Append("<h1 style=\"font-family: Arial, sans-serif; font-size: 24px;\">").Append(Encode(heading)).Append("</h1>");
    }

    public EmailContent Paragraph(string text)
    {
        _text.AppendLine(text).AppendLine();
        _html.Append("<p style=\"font-family: Arial, sans-serif; font-size: 16px;\">").Append(Encode(text)).Append("</p>");
        return this;
    }

    public EmailContent Subheading(string text)
    {
        _text.AppendLine(text).AppendLine(new string('-', Math.Min(text.Length, 70))).AppendLine();
        _html.Append("<h2 style=\"font-family: Arial, sans-serif; font-size: 19px;\">").Append(Encode(text)).Append("</h2>");
        return this;
    }

    /// <summary>A link on its own line: its words, then the address (plain text shows both).</summary>
    public EmailContent Link(string words, string url)
    {
        _text.AppendLine(words + ": " + url).AppendLine();
        _html.Append("<p style=\"font-family: Arial, sans-serif; font-size: 16px;\"><a href=\"").Append(Encode(url)).Append("\">")
            .Append(Encode(words)).Append("</a></p>");
        return this;
    }

    /// <summary>A bulleted list; an item with a URL links its text.</summary>
    public EmailContent List(IEnumerable<(string Text, string? Url)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _html.Append("<ul style=\"font-family: Arial, sans-serif; font-size: 16px;\">");
        foreach (var (text, url) in items)
        {
            _text.Append("- ").AppendLine(text);
            if (url is not null)
            {
                _text.Append("  ").AppendLine(url);
            }

            _html.Append("<li>");
            if (url is null)
            {
                _html.Append(Encode(text));
            }
            else
            {
                _html.Append("<a href=\"").Append(Encode(url)).Append("\">").Append(Encode(text)).Append("</a>");
            }

            _html.Append("</li>");
        }

        _text.AppendLine();
        _html.Append("</ul>");
        return this;
    }

    public string Text => _text.ToString().TrimEnd() + Environment.NewLine;

    public string Html =>
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Improvement Plan Tracker</title></head><body>"
        + _html + "</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
