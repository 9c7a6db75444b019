using ImprovementPlan.Web.Features.Shared;

namespace ImprovementPlan.Web.Features.Home;

/// <summary>The dashboard: what needs attention, what waits on the user, and the plan's ratings.</summary>
public sealed record Dashboard(
    string Title,
    string Organisation,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly Today,
    RagTotals Delivery,
    RagTotals Impact,
    int ImpactNotRated,
    IReadOnlyList<DashboardCard> Attention,
    IReadOnlyList<DashboardCard>? ForDirector,
    IReadOnlyList<DashboardCard>? ForLead,
    OverviewTable Priorities,
    OverviewTable Workstreams)
{
    public int ActionCount => Delivery.Total;

    /// <summary>Figures due and overdue and measures off track, for a performance officer or a data owner.</summary>
    public MeasureWork? MeasureWork { get; init; }

    /// <summary>The user's open follow-ups from meetings, each linking to where they close it.</summary>
    public IReadOnlyList<DashboardItem> FollowUps { get; init; } = [];
}

/// <summary>
/// A count with the first few things behind it. <paramref name="Href"/> is the full list the count
/// was taken from, so following it shows exactly <paramref name="Count"/> rows.
/// </summary>
public sealed record DashboardCard(
    string Key,
    string Title,
    int Count,
    string CountText,
    string Href,
    string ViewAllText,
    string EmptyText,
    IReadOnlyList<DashboardItem> Items);

/// <summary>One thing in a card's list: a link and a line of detail.</summary>
public sealed record DashboardItem(string Text, string Href, string? Detail);

/// <summary>A table of RAG totals, by priority or by workstream, each number linking to its actions.</summary>
public sealed record OverviewTable(string FirstColumn, string Caption, string TestId, string FilterKey, IReadOnlyList<OverviewRow> Rows);

/// <summary>A priority or workstream with its action count and RAG totals.</summary>
public sealed record OverviewRow(string Code, string Title, int ActionCount, RagTotals Totals);
