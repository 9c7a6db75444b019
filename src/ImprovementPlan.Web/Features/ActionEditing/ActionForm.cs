using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ImprovementPlan.Web.Features.ActionEditing;

/// <summary>
/// The editable columns of an action. Only these fields bind: the due date, status and ratings are
/// not here, so posting them changes nothing.
/// </summary>
public class ActionForm
{
    public const int LongTextLimit = 10_000;

    public string? ActionText { get; set; }

    public string? LinkTo { get; set; }

    public string? Timeframe { get; set; }

    public string? Outcome { get; set; }

    public string? HowWillWeKnow { get; set; }

    public string? WhatSuccessLooksLike { get; set; }

    public string? SeniorResponsibleOfficer { get; set; }

    public string? LeadOfficer { get; set; }

    public int? WorkstreamId { get; set; }

    public List<int> PriorityIds { get; set; } = [];

    public List<int> SourceReviewIds { get; set; } = [];

    /// <summary>The head of service who leads the action; empty for no one.</summary>
    public string? LeadUserId { get; set; }

    /// <summary>The action's version when the form was shown, to detect someone else's save in between.</summary>
    public int Version { get; set; }

    /// <summary>The choices the form offers (shown, never bound).</summary>
    [BindNever]
    public ActionFormOptions Options { get; set; } = ActionFormOptions.None;

    /// <summary>The reference of the action being edited (from the route, never bound).</summary>
    [BindNever]
    public string? EditingReference { get; set; }

    /// <summary>Set when someone else saved the action after this form was shown: what differs.</summary>
    [BindNever]
    public IReadOnlyList<FieldDifference>? Conflict { get; set; }

    /// <summary>Adds a GOV.UK message for each field that is missing or too long.</summary>
    public void Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(ActionText))
        {
            modelState.AddModelError(nameof(ActionText), "Enter the action");
        }

        Limit(modelState, nameof(ActionText), "The action", ActionText, LongTextLimit);
        Limit(modelState, nameof(LinkTo), "Link to", LinkTo, 100);
        Limit(modelState, nameof(Timeframe), "The timeframe", Timeframe, 100);
        Limit(modelState, nameof(Outcome), "The outcome", Outcome, LongTextLimit);
        Limit(modelState, nameof(HowWillWeKnow), "How will we know", HowWillWeKnow, LongTextLimit);
        Limit(modelState, nameof(WhatSuccessLooksLike), "What success looks like", WhatSuccessLooksLike, LongTextLimit);
        Limit(modelState, nameof(SeniorResponsibleOfficer), "The senior responsible officer", SeniorResponsibleOfficer, 300);
        Limit(modelState, nameof(LeadOfficer), "The lead officer", LeadOfficer, 300);
    }

    protected static void Limit(ModelStateDictionary modelState, string field, string name, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (value is not null && value.Length > max)
        {
            modelState.AddModelError(field, $"{name} must be {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters or fewer");
        }
    }
}

/// <summary>A new action: the editable columns plus its reference and first due date.</summary>
public sealed class NewActionForm : ActionForm
{
    public string? Reference { get; set; }

    public DateParts DueDate { get; set; } = new();

    /// <summary>The reference as stored: trimmed and in capitals.</summary>
    public string? NormalisedReference => string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim().ToUpperInvariant();
}

/// <summary>The workstreams, priorities, source reviews and heads of service a form offers.</summary>
public sealed record ActionFormOptions(
    IReadOnlyList<SelectListItem> Workstreams,
    IReadOnlyList<Choice> Priorities,
    IReadOnlyList<Choice> SourceReviews,
    IReadOnlyList<SelectListItem> Leads)
{
    public static readonly ActionFormOptions None = new([], [], [], []);
}

/// <summary>One checkbox: its value, label and hint.</summary>
public sealed record Choice(int Id, string Label, string? Hint);

/// <summary>One field that differs between what you posted and what someone else saved.</summary>
public sealed record FieldDifference(string Field, string? Yours, string? Saved);
