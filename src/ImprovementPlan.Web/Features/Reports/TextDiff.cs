using System.Text.RegularExpressions;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>A run of text in a comparison, and whether it is what changed.</summary>
public sealed record DiffSegment(string Text, bool Changed);

/// <summary>
/// Word-by-word comparison of two versions of a text (a longest common subsequence of words), so a
/// reader sees which words were removed and which added instead of two whole paragraphs side by side.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Beyond this many words on either side the texts are shown whole, unmarked.</summary>
    public const int MaxWords = 4000;

    public static (IReadOnlyList<DiffSegment> Before, IReadOnlyList<DiffSegment> After) Words(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();
        if (a.Length > MaxWords || b.Length > MaxWords)
        {
            return ([new DiffSegment(before, false)], [new DiffSegment(after, false)]);
        }

        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal)
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var left = new List<DiffSegment>();
        var right = new List<DiffSegment>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                Append(left, a[x++], changed: false);
                Append(right, b[y++], changed: false);
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                Append(right, b[y++], changed: true);
            }
            else
            {
                Append(left, a[x++], changed: true);
            }
        }

        return (left, right);
    }

    /// <summary>Adds a token, joining it to the previous run when both are changed or both unchanged.</summary>
    private static void Append(List<DiffSegment> segments, string token, bool changed)
    {
        if (segments.Count > 0 && segments[^1].Changed == changed)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + token };
        }
        else
        {
            segments.Add(new DiffSegment(token, changed));
        }
    }

    /// <summary>Words and the white space between them, each a token, so the text rebuilds exactly.</summary>
    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Tokens();
}
