using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ImprovementPlan.Web.Features.DueDates;

/// <summary>A request to move an action's due date: the new date and why.</summary>
public sealed class DueDateRequestForm
{
    public const int ReasonLimit = 2000;

    public DateParts NewDueDate { get; set; } = new();

    public string? Reason { get; set; }

    /// <summary>The action and its dates, shown beside the form (never bound).</summary>
    [BindNever]
    public DueDateFacts? Facts { get; set; }
}

/// <summary>An action's dates and any request already waiting for a decision.</summary>
public sealed record DueDateFacts(
    string Reference,
    string ActionText,
    DateOnly? OriginalDueDate,
    DateOnly? DueDate,
    IReadOnlyList<DueDateChangeRow> History,
    bool AppliesAtOnce);

/// <summary>A due-date change request as the lists show it.</summary>
public sealed record DueDateChangeRow(
    int Id,
    string Reference,
    DateOnly? OriginalDueDate,
    DateOnly? FromDate,
    DateOnly ToDate,
    string Reason,
    string RequestedByName,
    DateTime RequestedAtUtc,
    DueDateChangeState State,
    string? DecidedByName,
    string? DecisionComment)
{
    /// <summary>Days from the action's original due date to the requested one: the slippage approval would give.</summary>
    public int SlippageDays => Domain.Rag.DueDateSlippage.Days(OriginalDueDate, ToDate);
}

/// <summary>The Service Director's list of requests waiting for a decision.</summary>
public sealed record PendingChangesPage(IReadOnlyList<DueDateChangeRow> Pending, IReadOnlyList<DueDateChangeRow> RecentlyDecided);
