using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Actions;

/// <summary>
/// Filters and sorts the plan's actions for the list. The plan has tens of actions, so they are
/// filtered in memory after the ratings are worked out: the filter then uses exactly the rules the
/// dashboard counts with.
/// </summary>
public sealed class ActionListQuery(ImprovementPlanDbContext db, PlanActionsQuery planActions)
{
    private const int MaxSearchLength = 200;

    public async Task<ActionListPage?> RunAsync(ActionFilter filter, string? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var plan = await planActions.RunAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == plan.PlanId).OrderBy(w => w.SortOrder)
            .Select(w => new FilterOption(w.Code, w.Code + " – " + w.Name)).ToListAsync(cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == plan.PlanId).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title }).ToListAsync(cancellationToken);
        var reviews = await db.SourceReviews.AsNoTracking().Where(s => s.PlanId == plan.PlanId).OrderBy(s => s.Code)
            .Select(s => new FilterOption(s.Code, s.Code + " – " + s.Title)).ToListAsync(cancellationToken);
        var officers = plan.Actions.Select(a => a.LeadOfficer).OfType<string>().Where(o => o.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(o => new FilterOption(o, o)).ToList();
        var leadIds = plan.Actions.Select(a => a.LeadUserId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var people = await db.Users.AsNoTracking().Where(u => leadIds.Contains(u.Id)).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new FilterOption(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        var options = new ActionFilterOptions(
            workstreams,
            [.. priorities.Select(p => new FilterOption(p.Number.ToString(CultureInfo.InvariantCulture), $"{p.Number}. {p.Title}"))],
            officers,
            reviews,
            people);

        var errors = new List<KeyValuePair<string, string>>();
        var applied = new List<AppliedFilter>();

        // The page echoes the filter as understood: unknown values drop out, known ones take the plan's spelling.
        var echoed = new ActionFilter { DueFrom = filter.DueFrom ?? new(), DueTo = filter.DueTo ?? new() };
        IEnumerable<ActionSummary> rows = plan.Actions;

        if (Match(filter.Workstream, workstreams) is { } workstream)
        {
            rows = rows.Where(a => a.WorkstreamCode == workstream.Value);
            echoed.Workstream = workstream.Value;
            applied.Add(new("Workstream", workstream.Text));
        }

        if (Match(filter.Priority, options.Priorities) is { } priority)
        {
            var number = int.Parse(priority.Value, CultureInfo.InvariantCulture);
            rows = rows.Where(a => a.PriorityNumbers.Contains(number));
            echoed.Priority = priority.Value;
            applied.Add(new("Priority", priority.Text));
        }

        if (ParseRag(filter.Rag) is { } rag)
        {
            rows = rows.Where(a => a.Delivery.Rag == rag);
            echoed.Rag = RagDisplay.Word(rag);
            applied.Add(new("Delivery rating", RagDisplay.Word(rag)));
        }

        if (ParseImpact(filter.Impact) is { } impact)
        {
            rows = rows.Where(a => a.ImpactRag == impact.Rag);
            echoed.Impact = impact.Rag is { } value ? RagDisplay.Word(value) : "none";
            applied.Add(new("Impact rating", impact.Rag is { } r ? RagDisplay.Word(r) : "Not rated"));
        }

        if (ParseStatus(filter.Status) is { } status)
        {
            rows = rows.Where(a => a.Status == status);
            echoed.Status = status.ToString();
            applied.Add(new("Status", RagDisplay.Status(status)));
        }

        if (Match(filter.Officer, officers) is { } officer)
        {
            rows = rows.Where(a => a.LeadOfficer == officer.Value);
            echoed.Officer = officer.Value;
            applied.Add(new("Lead officer", officer.Value));
        }

        if (people.FirstOrDefault(p => p.Value == filter.Person?.Trim()) is { } person)
        {
            rows = rows.Where(a => a.LeadUserId == person.Value);
            echoed.Person = person.Value;
            applied.Add(new("Led by", person.Text));
        }

        if (Match(filter.Review, reviews) is { } review)
        {
            rows = rows.Where(a => a.SourceReviewCodes.Contains(review.Value, StringComparer.Ordinal));
            echoed.Review = review.Value;
            applied.Add(new("Source review", review.Text));
        }

        var dueFrom = ParseDate(filter.DueFrom, nameof(ActionFilter.DueFrom), "due from date", errors);
        var dueTo = ParseDate(filter.DueTo, nameof(ActionFilter.DueTo), "due to date", errors);
        if (dueFrom is { } from && dueTo is { } to && to < from)
        {
            errors.Add(new(nameof(ActionFilter.DueTo), "Due to date must be the same as or after the due from date"));
            dueTo = null;
        }

        if (dueFrom is { } start)
        {
            rows = rows.Where(a => a.DueDate >= start);
            applied.Add(new("Due on or after", start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
        }

        if (dueTo is { } end)
        {
            rows = rows.Where(a => a.DueDate <= end);
            applied.Add(new("Due on or before", end.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
        }

        if (Normalise(filter.Search) is { Length: > 0 } search)
        {
            rows = rows.Where(a => Contains(a, search));
            echoed.Search = filter.Search!.Trim();
            applied.Add(new("Containing", search));
        }

        var view = filter.View?.Trim().ToLowerInvariant();
        if (view is ActionViews.Overdue or ActionViews.DueSoon or ActionViews.Stale)
        {
            rows = rows.Where(a => ActionViews.Matches(view, a, plan.Today));
            echoed.View = view;
            applied.Add(new("Showing", view switch
            {
                ActionViews.Overdue => "Overdue (past due and not complete)",
                ActionViews.DueSoon => $"Due in the next {ActionViews.DueSoonDays} days",
                _ => "Stale (no recent approved update)",
            }));
        }

        if (string.Equals(filter.Lead?.Trim(), "me", StringComparison.OrdinalIgnoreCase))
        {
            rows = userId is null ? [] : rows.Where(a => a.LeadUserId == userId);
            echoed.Lead = "me";
            applied.Add(new("Lead", "Actions you lead"));
        }

        var (sort, descending) = ParseSort(filter.Sort, filter.Dir);
        var sorted = Sort(rows, sort, descending).ToList();
        echoed.Sort = sort == ActionSort.Reference && !descending ? null : sort.ToString().ToLowerInvariant();
        echoed.Dir = echoed.Sort is null || descending == ActionListPage.DescendingByDefault(sort) ? null : descending ? "desc" : "asc";

        return new ActionListPage(echoed, sorted, plan.Today, options, applied, errors, sort, descending);
    }

    private static FilterOption? Match(string? value, IEnumerable<FilterOption> options)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return options.FirstOrDefault(o => string.Equals(o.Value, trimmed, StringComparison.Ordinal))
            ?? options.FirstOrDefault(o => string.Equals(o.Value, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    internal static Rag? ParseRag(string? value) =>
        RagDisplay.InOrder.Cast<Rag?>().FirstOrDefault(r => string.Equals(RagDisplay.Word(r!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static (Rag? Rag, bool Any)? ParseImpact(string? value) =>
        string.Equals(value?.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? (null, true)
        : ParseRag(value) is { } rag ? (rag, true)
        : null;

    private static ActionStatus? ParseStatus(string? value) =>
        Enum.GetValues<ActionStatus>().Cast<ActionStatus?>()
            .FirstOrDefault(s => string.Equals(s.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static DateOnly? ParseDate(TagHelpers.DateParts? parts, string field, string what, List<KeyValuePair<string, string>> errors)
    {
        if (parts is null || parts.IsEmpty)
        {
            return null;
        }

        var (date, error) = parts.Parse(what);
        if (error is not null)
        {
            errors.Add(new(field, error));
        }

        return date;
    }

    /// <summary>Trims, limits and straightens quotes, so "children's" finds the plan's "children’s".</summary>
    private static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > MaxSearchLength)
        {
            trimmed = trimmed[..MaxSearchLength];
        }

        return StraightQuotes(trimmed);
    }

    private static string StraightQuotes(string text) => text.Replace('’', '\'').Replace('‘', '\'');

    private static bool Contains(ActionSummary action, string search) =>
        new[] { action.Reference, action.ActionText, action.Outcome, action.HowWillWeKnow, action.WhatSuccessLooksLike, action.LeadOfficer }
            .Any(field => field is not null && StraightQuotes(field).Contains(search, StringComparison.OrdinalIgnoreCase));

    private static (ActionSort Sort, bool Descending) ParseSort(string? sort, string? dir)
    {
        var key = sort?.Trim().ToLowerInvariant() switch
        {
            "due" => ActionSort.Due,
            "rag" => ActionSort.Rag,
            "slippage" => ActionSort.Slippage,
            _ => ActionSort.Reference,
        };
        var descending = dir?.Trim().ToLowerInvariant() switch
        {
            "desc" => true,
            "asc" => false,
            _ => ActionListPage.DescendingByDefault(key),
        };
        return (key, descending);
    }

    private static IEnumerable<ActionSummary> Sort(IEnumerable<ActionSummary> rows, ActionSort sort, bool descending)
    {
        // Plan order breaks every tie, so the list never shuffles between requests.
        return sort switch
        {
            ActionSort.Due => descending
                ? rows.OrderBy(a => a.DueDate is null).ThenByDescending(a => a.DueDate).ThenBy(a => a.Sequence)
                : rows.OrderBy(a => a.DueDate is null).ThenBy(a => a.DueDate).ThenBy(a => a.Sequence),
            ActionSort.Rag => descending
                ? rows.OrderByDescending(a => a.Delivery.Rag).ThenBy(a => a.Sequence)
                : rows.OrderBy(a => a.Delivery.Rag).ThenBy(a => a.Sequence),
            ActionSort.Slippage => descending
                ? rows.OrderByDescending(a => a.SlippageDays).ThenBy(a => a.Sequence)
                : rows.OrderBy(a => a.SlippageDays).ThenBy(a => a.Sequence),
            _ => descending ? rows.OrderByDescending(a => a.Sequence) : rows.OrderBy(a => a.Sequence),
        };
    }
}
