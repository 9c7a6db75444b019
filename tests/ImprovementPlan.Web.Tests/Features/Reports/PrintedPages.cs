using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>One line of printed text: its words at one baseline, left to right, with where it sits on the page.</summary>
internal sealed record PrintedLine(string Text, double Top, double Bottom, double PointSize);

/// <summary>A page's body (what lies between the margins, without the running header and footer), line by line from the top.</summary>
internal sealed record PrintedPage(int Number, double BodyTop, double BodyBottom, IReadOnlyList<PrintedLine> Lines)
{
    /// <summary>How much of the body's height the text reaches down to: 1 for a full page.</summary>
    public double Fill => Lines.Count == 0 ? 0 : (BodyTop - Lines.Min(l => l.Bottom)) / (BodyTop - BodyBottom);
}

/// <summary>
/// Reads a PDF's pages as lines of text with their positions (PdfPig's words grouped by baseline), and checks
/// them against the report's HTML: where a page break falls inside a paragraph, and whether a page ends on a heading.
/// </summary>
internal static partial class PrintedPages
{
    private const double PointsPerMillimetre = 72 / 25.4;

    /// <summary>The pages' bodies, inside the renderer's margins (top and bottom, in millimetres).</summary>
    public static IReadOnlyList<PrintedPage> Read(byte[] pdf, double topMargin, double bottomMargin)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page =>
        {
            var bodyTop = page.Height - (topMargin * PointsPerMillimetre);
            var bodyBottom = bottomMargin * PointsPerMillimetre;
            var words = page.GetWords()
                .Where(w => w.BoundingBox.Centroid.Y < bodyTop && w.BoundingBox.Centroid.Y > bodyBottom)
                .OrderByDescending(Baseline).ThenBy(w => w.BoundingBox.Left)
                .ToList();
            var lines = new List<PrintedLine>();
            var current = new List<Word>();
            foreach (var word in words)
            {
                if (current.Count > 0 && Math.Abs(Baseline(current[0]) - Baseline(word)) > 1.5)
                {
                    lines.Add(Line(current));
                    current = [];
                }

                current.Add(word);
            }

            if (current.Count > 0)
            {
                lines.Add(Line(current));
            }

            return new PrintedPage(page.Number, bodyTop, bodyBottom, lines);
        })];
    }

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    private static PrintedLine Line(List<Word> words) => new(
        Normalise(string.Join(' ', words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))),
        words.Max(w => w.BoundingBox.Top),
        words.Min(w => w.BoundingBox.Bottom),
        words.SelectMany(w => w.Letters).Max(l => l.PointSize));

    /// <summary>Single spaces, no-break spaces read as spaces.</summary>
    public static string Normalise(string text) => Spaces().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    /// <summary>
    /// The text of each block of the report as the browser lays it out: a paragraph, a list item or a table cell,
    /// without the text of blocks nested in it (a list inside an item, the lines of a progress bullet).
    /// </summary>
    public static IReadOnlyList<string> Blocks(IElement main)
    {
        var blocks = new List<string>();
        foreach (var element in main.QuerySelectorAll("p, li, td, th, h1, h2, h3, h4, .app-report__line"))
        {
            var text = Normalise(OwnText(element));
            if (text.Length > 0)
            {
                blocks.Add(text);
            }
        }

        return blocks;
    }

    /// <summary>What must never end a page: the headings' texts, and the header rows of tables.</summary>
    public static IReadOnlyList<string> Headings(IElement main) =>
        [.. main.QuerySelectorAll("h1, h2, h3, h4").Select(h => Normalise(h.TextContent))
            .Concat(main.QuerySelectorAll("thead tr").Select(r => Normalise(string.Join(' ', r.Children.Select(c => c.TextContent)))))
            .Where(t => t.Length > 0)];

    private static string OwnText(INode node)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element && IsBlock(element))
            {
                text.Append(' ');
                continue;
            }

            text.Append(child is IElement ? OwnText(child) : child.TextContent);
        }

        return text.ToString();
    }

    private static bool IsBlock(IElement element) =>
        element.LocalName is "p" or "ul" or "ol" or "li" or "div" or "table" or "section" or "figure"
        || element.ClassList.Contains("app-report__line");

    /// <summary>
    /// Each page break that leaves a single line of a paragraph alone: the break falls inside one block (the last line
    /// of a page and the first of the next run on in the same block), and only one of its lines is on one side of it.
    /// </summary>
    public static IReadOnlyList<string> LoneLines(IReadOnlyList<PrintedPage> pages, IReadOnlyList<string> blocks)
    {
        var found = new List<string>();
        for (var n = 0; n + 1 < pages.Count; n++)
        {
            var before = pages[n].Lines;
            var after = pages[n + 1].Lines;
            if (before.Count == 0 || after.Count == 0)
            {
                continue;
            }

            var last = before[^1].Text;
            var first = after[0].Text;
            var block = blocks.FirstOrDefault(b => b.Contains(last + " " + first, StringComparison.Ordinal));
            if (block is null)
            {
                continue;
            }

            var below = 1;
            while (below < after.Count && block.Contains(Join(after.Take(below + 1).Prepend(before[^1])), StringComparison.Ordinal))
            {
                below++;
            }

            var above = 1;
            while (above < before.Count && block.Contains(Join(before.Skip(before.Count - above - 1).Append(after[0])), StringComparison.Ordinal))
            {
                above++;
            }

            if (below == 1)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"page {pages[n + 1].Number} opens with a paragraph's last line alone: “{first}”"));
            }

            if (above == 1)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"page {pages[n].Number} ends with a paragraph's first line alone: “{last}”"));
            }
        }

        return found;
    }

    /// <summary>Each page but the last whose last lines are a whole heading (or a table's header row), with nothing of what it heads.</summary>
    public static IReadOnlyList<string> HeadingsAtFoot(IReadOnlyList<PrintedPage> pages, IReadOnlyList<string> headings)
    {
        var found = new List<string>();
        foreach (var page in pages.Take(pages.Count - 1))
        {
            for (var k = 1; k <= Math.Min(3, page.Lines.Count); k++)
            {
                var tail = Join(page.Lines.Skip(page.Lines.Count - k));
                if (headings.Contains(tail))
                {
                    found.Add(string.Create(CultureInfo.InvariantCulture, $"page {page.Number} ends with “{tail}”"));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The outline's (bookmarks') titles, at every level.</summary>
    public static IReadOnlyList<string> OutlineTitles(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks))
        {
            return [];
        }

        var titles = new List<string>();
        void Walk(IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode> nodes)
        {
            foreach (var node in nodes)
            {
                titles.Add(node.Title);
                Walk(node.Children);
            }
        }

        Walk(bookmarks.Roots);
        return titles;
    }

    /// <summary>Every word printed on the pages, as PdfPig separates them.</summary>
    public static IReadOnlySet<string> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
    }

    private static string Join(IEnumerable<PrintedLine> lines) => string.Join(' ', lines.Select(l => l.Text));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
