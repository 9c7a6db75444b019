using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Actions;

/// <summary>
/// The action list's query string, exactly as typed or linked. Every field is text so that a value
/// the list does not recognise is ignored rather than turned into a binding error.
/// </summary>
public class ActionFilter
{
    /// <summary>A workstream code, e.g. QP.</summary>
    public string? Workstream { get; set; }

    /// <summary>A priority number, 1 to 9.</summary>
    public string? Priority { get; set; }

    /// <summary>A delivery rating word: Red, Amber, Green or Blue.</summary>
    public string? Rag { get; set; }

    /// <summary>An impact rating word, or "none" for actions without one.</summary>
    public string? Impact { get; set; }

    /// <summary>An <see cref="Domain.Actions.ActionStatus"/> name.</summary>
    public string? Status { get; set; }

    /// <summary>The plan's LEAD OFFICER text, exactly.</summary>
    public string? Officer { get; set; }

    /// <summary>The user id of the person who leads the action.</summary>
    public string? Person { get; set; }

    /// <summary>A source review code, e.g. O19.</summary>
    public string? Review { get; set; }

    public DateParts DueFrom { get; set; } = new();

    public DateParts DueTo { get; set; } = new();

    /// <summary>Words to find in the reference, action, outcome, how we will know, success or lead officer.</summary>
    public string? Search { get; set; }

    /// <summary>overdue, due-soon or stale.</summary>
    public string? View { get; set; }

    /// <summary>"me": only actions the signed-in user leads.</summary>
    public string? Lead { get; set; }

    /// <summary>reference (plan order), due, rag or slippage.</summary>
    public string? Sort { get; set; }

    /// <summary>asc or desc.</summary>
    public string? Dir { get; set; }

    /// <summary>The filter's fields as query-string pairs (empty ones left out), so a view can be shared as a link.</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryPairs(bool includeSort = true)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value.Trim()));
            }
        }

        Add("workstream", Workstream);
        Add("priority", Priority);
        Add("rag", Rag);
        Add("impact", Impact);
        Add("status", Status);
        Add("officer", Officer);
        Add("person", Person);
        Add("review", Review);
        foreach (var (name, date) in new[] { ("DueFrom", DueFrom), ("DueTo", DueTo) })
        {
            if (!date.IsEmpty)
            {
                Add($"{name}.Day", date.Day);
                Add($"{name}.Month", date.Month);
                Add($"{name}.Year", date.Year);
            }
        }

        Add("search", Search);
        Add("view", View);
        Add("lead", Lead);
        if (includeSort)
        {
            Add("sort", Sort);
            Add("dir", Dir);
        }

        return pairs;
    }

    protected void CopyFrom(ActionFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Workstream = other.Workstream;
        Priority = other.Priority;
        Rag = other.Rag;
        Impact = other.Impact;
        Status = other.Status;
        Officer = other.Officer;
        Person = other.Person;
        Review = other.Review;
        DueFrom = other.DueFrom;
        DueTo = other.DueTo;
        Search = other.Search;
        View = other.View;
        Lead = other.Lead;
        Sort = other.Sort;
        Dir = other.Dir;
    }
}
