using System.Globalization;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>A decision a meeting recorded about an action, priority or measure, as its timeline shows it.</summary>
public sealed record TimelineDecision(int MeetingId, string MeetingName, DateOnly Date, string Decision, string Href)
{
    /// <summary>"Decision at CSIP review, 2 March 2021".</summary>
    public string Heading => $"Decision at {MeetingName}, {Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
}

/// <summary>One dated entry of a timeline: a progress update or a meeting's decision.</summary>
public sealed record TimelineEntry(DateOnly Date, TimelineUpdate? Update, TimelineDecision? Decision);

/// <summary>
/// The dated history of an action or priority: its progress updates (as <see cref="UpdateTimelineQuery"/> lets the
/// user see them) and the decisions meetings recorded about it, newest first.
/// </summary>
public sealed record Timeline(IReadOnlyList<TimelineUpdate> Updates, IReadOnlyList<TimelineDecision> Decisions)
{
    public bool IsEmpty => Updates.Count == 0 && Decisions.Count == 0;

    /// <summary>
    /// Updates and decisions together, newest first. On the same day a decision comes before the updates, as a
    /// meeting decides on what was reported to it; each list keeps its own order otherwise.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Entries =>
    [
        .. Decisions.Select((d, i) => (Entry: new TimelineEntry(d.Date, null, d), Rank: 0, Index: i))
            .Concat(Updates.Select((u, i) => (Entry: new TimelineEntry(u.AsAt, u, null), Rank: 1, Index: i)))
            .OrderByDescending(e => e.Entry.Date).ThenBy(e => e.Rank).ThenBy(e => e.Index)
            .Select(e => e.Entry),
    ];
}
