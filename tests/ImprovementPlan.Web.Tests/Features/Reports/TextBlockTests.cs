using ImprovementPlan.Web.Features.Reports;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>How a clerk's section text becomes paragraphs and bullet lists.</summary>
public sealed class TextBlockTests
{
    private static string Shape(string body) =>
        string.Join(" | ", TextBlock.Parse(body).Select(b => b.Paragraph is { } p ? $"P:{p}" : "B:" + string.Join(",", b.Bullets)));

    [Theory]
    [InlineData("One paragraph.\n\nAnother.", "P:One paragraph. | P:Another.")]
    [InlineData("• First\n• Second", "B:First,Second")]
    [InlineData("- First\n* Second", "B:First,Second")]
    [InlineData("We will:\n- recruit\n- train\n\nClosing words.", "P:We will: | B:recruit,train | P:Closing words.")]
    [InlineData("- a bullet\nthen a sentence\nthat runs on", "B:a bullet | P:then a sentence that runs on")]
    [InlineData("-not a bullet without a space", "P:-not a bullet without a space")]
    [InlineData("Line one\r\nline two", "P:Line one line two")]
    [InlineData("", "")]
    public void Parse_SplitsParagraphsAndBullets(string body, string expected) => Assert.Equal(expected, Shape(body));
}
