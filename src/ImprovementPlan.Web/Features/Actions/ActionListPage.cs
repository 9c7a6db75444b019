using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ImprovementPlan.Web.Features.Actions;

public enum ActionSort
{
    Reference,
    Due,
    Rag,
    Slippage,
}

/// <summary>A choice in one of the filter's lists.</summary>
public sealed record FilterOption(string Value, string Text);

/// <summary>What each filter can be set to, drawn from the plan.</summary>
public sealed record ActionFilterOptions(
    IReadOnlyList<FilterOption> Workstreams,
    IReadOnlyList<FilterOption> Priorities,
    IReadOnlyList<FilterOption> Officers,
    IReadOnlyList<FilterOption> Reviews,
    IReadOnlyList<FilterOption>? People = null);

/// <summary>A filter that was recognised and applied, echoed above the results.</summary>
public sealed record AppliedFilter(string Label, string Value);

/// <summary>The action list: the filter as typed, the matching actions and how they are sorted.</summary>
public sealed class ActionListPage : ActionFilter
{
    public ActionListPage(ActionFilter filter, IReadOnlyList<ActionSummary> rows, DateOnly today, ActionFilterOptions options,
        IReadOnlyList<AppliedFilter> applied, IReadOnlyList<KeyValuePair<string, string>> errors, ActionSort sortedBy, bool descending)
    {
        CopyFrom(filter);
        Rows = rows;
        Today = today;
        Options = options;
        Applied = applied;
        Errors = errors;
        SortedBy = sortedBy;
        Descending = descending;
    }

    public IReadOnlyList<ActionSummary> Rows { get; }

    public DateOnly Today { get; }

    public ActionFilterOptions Options { get; }

    public IReadOnlyList<AppliedFilter> Applied { get; }

    /// <summary>Filter fields that could not be understood (dates), keyed by field name for the error summary.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Errors { get; }

    public ActionSort SortedBy { get; }

    public bool Descending { get; }

    public string ResultsText => Rows.Count == 1 ? "1 action" : $"{Rows.Count.ToString(CultureInfo.InvariantCulture)} actions";

    public IEnumerable<SelectListItem> WorkstreamItems => Items("Any workstream", Options.Workstreams);

    public IEnumerable<SelectListItem> PriorityItems => Items("Any priority", Options.Priorities);

    public IEnumerable<SelectListItem> OfficerItems => Items("Any lead officer", Options.Officers);

    public IEnumerable<SelectListItem> ReviewItems => Items("Any source review", Options.Reviews);

    /// <summary>The people who lead the plan's actions, by name (a person, not a spelling of a job title).</summary>
    public IEnumerable<SelectListItem> PersonItems => Items("Anyone", Options.People ?? []);

    public static IEnumerable<SelectListItem> DeliveryRagItems => Items("Any delivery rating", RagOptions);

    public static IEnumerable<SelectListItem> ImpactRagItems => Items("Any impact rating", [.. RagOptions, new("none", "Not rated")]);

    private static IEnumerable<FilterOption> RagOptions => RagDisplay.InOrder.Select(r => new FilterOption(RagDisplay.Word(r), RagDisplay.Word(r)));

    public static IEnumerable<SelectListItem> StatusItems =>
        Items("Any status", [.. Enum.GetValues<ActionStatus>().Select(s => new FilterOption(s.ToString(), RagDisplay.Status(s)))]);

    public static IEnumerable<SelectListItem> ViewItems =>
        Items("All actions", [
            new(ActionViews.Overdue, "Overdue"),
            new(ActionViews.DueSoon, $"Due in the next {ActionViews.DueSoonDays} days"),
            new(ActionViews.Stale, "Stale (no recent approved update)"),
        ]);

    /// <summary>The start of an action's text for a list: up to about 150 characters, cut at a word.</summary>
    public static string Excerpt(string text, int length = 150)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return flat[..(cut > length / 2 ? cut : length)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    /// <summary>How far the due date has moved, in words: "5 weeks later", "6 years 10 months later".</summary>
    public static string SlippageText(int days) => Domain.Rag.DueDateSlippage.Describe(days);

    /// <summary>Descending first for slippage (the most slipped is the news); ascending for the rest.</summary>
    public static bool DescendingByDefault(ActionSort sort) => sort == ActionSort.Slippage;

    /// <summary>The link a column header sorts by: the same filter, this column, the other way if it is already sorted by it.</summary>
    public string SortLink(ActionSort sort)
    {
        var descending = sort == SortedBy ? !Descending : DescendingByDefault(sort);
        var query = new QueryBuilder(QueryPairs(includeSort: false))
        {
            { "sort", sort.ToString().ToLowerInvariant() },
            { "dir", descending ? "desc" : "asc" },
        };
        return "/actions" + query.ToQueryString();
    }

    /// <summary>The value of aria-sort for a sortable header.</summary>
    public string AriaSort(ActionSort sort) => sort != SortedBy ? "none" : Descending ? "descending" : "ascending";

    /// <summary>This view as a link, to share or bookmark.</summary>
    public string ShareLink => "/actions" + new QueryBuilder(QueryPairs()).ToQueryString();

    private static IEnumerable<SelectListItem> Items(string anyText, IEnumerable<FilterOption> options) =>
        [new SelectListItem(anyText, string.Empty), .. options.Select(o => new SelectListItem(o.Text, o.Value))];
}
