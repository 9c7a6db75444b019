using ImprovementPlan.Domain.Plans.Import;

namespace ImprovementPlan.Domain.Tests.Plans.Import;

public sealed class HeaderMatcherTests
{
    [Theory]
    [InlineData("REF", "ref")]
    [InlineData("Ref.", "ref")]
    [InlineData("Action", "action")]
    [InlineData("  actions ", "action")]
    [InlineData("Due date", "dueDate")]
    [InlineData("Who", "leadOfficer")]
    [InlineData("Lead", "leadOfficer")]
    [InlineData("How will we know?", "howWillWeKnow")]
    [InlineData("Senior Responsible Officer", "sro")]
    [InlineData("SRO", "sro")]
    [InlineData("Link to", "linkTo")]
    public void Match_CommonHeading_FindsItsField(string heading, string key)
    {
        Assert.Equal(key, HeaderMatcher.Match(heading, PlanWorkbookLayout.ActionFields)?.Key);
    }

    [Fact]
    public void Match_UnknownHeading_FindsNothing()
    {
        Assert.Null(HeaderMatcher.Match("Comments on progress", PlanWorkbookLayout.ActionFields));
    }

    [Fact]
    public void Read_MergedAndBlankRowsWithATitleAbove_ReadsEachAction()
    {
        var sheet = new WorkbookSheet("Actions",
        [
            new(1, 1, CellKind.Text, "Our plan"),
            new(3, 1, CellKind.Text, "Ref"), new(3, 2, CellKind.Text, "Theme"), new(3, 3, CellKind.Text, "Action"),
            new(4, 1, CellKind.Text, "A1"), new(4, 2, CellKind.Text, "LG"), new(4, 3, CellKind.Text, "First"),
            new(6, 1, CellKind.Text, "A2"), new(6, 2, CellKind.Text, "LG"), new(6, 3, CellKind.Text, "Second"),
        ]);
        var keys = new ExistingPlanKeys(new Dictionary<string, string> { ["Leadership"] = "LG" }, new HashSet<int>(), new HashSet<string>());

        var plan = PlanWorkbookReader.Read(new WorkbookContent([sheet]), keys);

        Assert.Empty(plan.Problems);
        Assert.Equal(["A1", "A2"], plan.Actions.Select(a => a.Reference));
    }
}
