namespace ImprovementPlan.Web.Features.Reports;

/// <summary>
/// Numbers a report's paragraphs 1, 2, 3… and the sub-paragraphs under each (a), (b), (c)…, as the
/// council's committee reports do, so members can refer to them in debate. One instance per report,
/// passed to each section as it is drawn, in reading order.
/// </summary>
public sealed class ParagraphNumbers
{
    public const string ViewDataKey = "ParagraphNumbers";

    private int _paragraph;

    public string Next() => (++_paragraph).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";

    /// <summary>"(a)" for the first sub-paragraph, "(b)" for the second, … "(aa)" after "(z)".</summary>
    public static string Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index; n >= 0; n = (n / 26) - 1)
        {
            letters = (char)('a' + (n % 26)) + letters;
        }

        return $"({letters})";
    }
}
