namespace ImprovementPlan.Web.Features.Home;

public sealed record OverviewTable(string FirstColumn, string Caption, string TestId, IReadOnlyList<OverviewRow> Rows);
