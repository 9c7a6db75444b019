using ImprovementPlan.Web.Features.Reports;

namespace ImprovementPlan.Web.Tests.Features.Reports;

public sealed class TextDiffTests
{
    private static string Marked(IReadOnlyList<DiffSegment> segments) =>
        string.Concat(segments.Select(s => s.Changed ? $"[{s.Text}]" : s.Text));

    [Theory]
    [InlineData("The budget is £2m this year.", "The budget is £2.5m this year.", "The budget is [£2m] this year.", "The budget is [£2.5m] this year.")]
    [InlineData("One two three.", "One two three. Four five.", "One two three.", "One two three.[ Four five.]")]
    [InlineData("Keep this. Drop this.", "Keep this.", "Keep this.[ Drop this.]", "Keep this.")]
    [InlineData("Same text.", "Same text.", "Same text.", "Same text.")]
    [InlineData("", "New text.", "", "[New text.]")]
    public void Words_MarksRemovedAndAddedWords_AndRebuildsBothTexts(string before, string after, string left, string right)
    {
        var (was, now) = TextDiff.Words(before, after);

        Assert.Equal(left, Marked(was));
        Assert.Equal(right, Marked(now));
        Assert.Equal(before, string.Concat(was.Select(s => s.Text)));
        Assert.Equal(after, string.Concat(now.Select(s => s.Text)));
    }
}
