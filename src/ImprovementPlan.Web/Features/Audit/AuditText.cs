using System.Globalization;
using System.Text.RegularExpressions;

namespace ImprovementPlan.Web.Features.Audit;

/// <summary>
/// Turns what the audit trail stores (property names, enum names, invariant-culture dates, user ids)
/// into what people read: field labels, values in words, UK dates and names.
/// </summary>
public static partial class AuditText
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["ActionText"] = "Action",
        ["LinkTo"] = "Link to",
        ["DueDate"] = "Due date",
        ["OriginalDueDate"] = "Original due date",
        ["DeliveryRagOverride"] = "Delivery rating set by the Service Director",
        ["DeliveryRagOverrideReason"] = "Reason for the delivery rating",
        ["DeliveryOverride"] = "Delivery rating set by the Service Director",
        ["OverrideReason"] = "Reason for the delivery rating",
        ["ImpactRag"] = "Impact rating",
        ["ImpactRagNote"] = "Reason for the impact rating",
        ["ImpactNote"] = "Reason for the impact rating",
        ["EmbeddedConfirmedOn"] = "Confirmed complete and embedded on",
        ["EmbeddedConfirmed"] = "Confirmed complete and embedded",
        ["CompletedOn"] = "Completed on",
        ["LeadUserId"] = "Lead",
        ["LeadOfficer"] = "Lead officer",
        ["SeniorResponsibleOfficer"] = "Senior responsible officer",
        ["HowWillWeKnow"] = "How will we know",
        ["WhatSuccessLooksLike"] = "What success looks like",
        ["WorkstreamId"] = "Workstream",
        ["PlanId"] = "Plan",
        ["ActionId"] = "Action",
        ["PriorityId"] = "Priority",
        ["AuthorUserId"] = "Author",
        ["AuthorName"] = "Author",
        ["ReviewerUserId"] = "Reviewed by",
        ["ReviewerName"] = "Reviewed by",
        ["ReviewedAtUtc"] = "Reviewed at",
        ["ReviewComment"] = "Review comment",
        ["SubmittedAtUtc"] = "Submitted at",
        ["CreatedAtUtc"] = "Created at",
        ["AsAt"] = "As at",
        ["ProposedDeliveryRag"] = "Proposed delivery rating",
        ["ProposedImpactRag"] = "Proposed impact rating",
        ["ProposedStatus"] = "Proposed status",
        ["State"] = "State",
        ["FromDate"] = "From",
        ["ToDate"] = "To",
        ["RequestedByUserId"] = "Requested by",
        ["RequestedByName"] = "Requested by",
        ["RequestedAtUtc"] = "Requested at",
        ["DecidedByUserId"] = "Decided by",
        ["DecidedByName"] = "Decided by",
        ["DecidedAtUtc"] = "Decided at",
        ["DecisionComment"] = "Decision comment",
        ["FormKey"] = "Form key",
        ["SizeBytes"] = "Size",
        ["PdfBytes"] = "PDF",
        ["Sha256"] = "SHA-256",
        ["ReportDate"] = "Report date",
        ["AgendaItem"] = "Agenda item",
        ["PeriodStart"] = "Start of the period",
        ["PeriodEnd"] = "End of the period",
        ["LockoutEnd"] = "Locked out until",
        ["AccessFailedCount"] = "Failed sign-ins",
        ["EmailConfirmed"] = "Email confirmed",
        ["DisplayName"] = "Name",
        ["SeniorResponsibleUserId"] = "Senior responsible officer (person)",
        ["LeadJobTitle"] = "Lead’s job title",
        ["SortOrder"] = "Position",
        ["RetiredOn"] = "Retired from",
        ["CopiedFromActionId"] = "Copied from action",
        ["CopiedFromPlanId"] = "Copied from plan",
        ["ArchivedAt"] = "Archived at",
        ["CurrentPlanId"] = "Current plan",
        ["Outcomes"] = "Outcome statements",
        ["WhatOfstedSaid"] = "What Ofsted said",
        ["OldLaCode"] = "Old LA code",
        ["NewLaCode"] = "New LA code",
    };

    /// <summary>The label people read for a stored field name, e.g. "Delivery rating set by the Service Director" for DeliveryRagOverride.</summary>
    public static string Label(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Labels.TryGetValue(field, out var label))
        {
            return label;
        }

        var words = Words(field.EndsWith("Utc", StringComparison.Ordinal) ? field[..^3] : field)
            .Replace(" rag", " rating", StringComparison.Ordinal);
        return words.EndsWith(" id", StringComparison.Ordinal) ? words[..^3] : words;
    }

    /// <summary>
    /// A stored value in words: enum names spaced ("In progress"), invariant dates as UK dates
    /// ("2 December 2026, 14:05" in UK time), true/false as Yes/No, and user ids as names when known.
    /// </summary>
    public static string? Value(string field, string? value, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(names);
        if (value is null)
        {
            return null;
        }

        if (names.TryGetValue(value, out var name))
        {
            return name;
        }

        if (value is "True" or "False")
        {
            return value == "True" ? "Yes" : "No";
        }

        if (DateTime.TryParseExact(value, "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return field.EndsWith("Utc", StringComparison.Ordinal) || field == "LockoutEnd" ? When(at) : at.ToString("d MMMM yyyy, HH:mm", UkCulture);
        }

        if (DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date.ToString("d MMMM yyyy", UkCulture);
        }

        return field == "SizeBytes" && long.TryParse(value, CultureInfo.InvariantCulture, out var bytes)
            ? Shared.FileSize.Text(bytes)
            : EnumName().IsMatch(value) ? Sentence(Words(value)) : value;
    }

    /// <summary>A stored UTC time as people read it in the UK, e.g. "2 December 2026, 14:05".</summary>
    public static string When(DateTime utc) => Infrastructure.Clock.ToUkTime(utc).ToString("d MMMM yyyy, HH:mm", UkCulture);

    private static string Words(string pascal) => Sentence(WordStart().Replace(pascal, " $1").Trim().ToLowerInvariant());

    private static string Sentence(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();

    /// <summary>A single PascalCase word of two parts or more, as enum names are (NotYetReported, InProgress).</summary>
    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")]
    private static partial Regex EnumName();
}
