using System.Globalization;
using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The meetings pages' addresses, written once.</summary>
public static class MeetingPaths
{
    public const string List = "/meetings";

    public const string New = "/meetings/new";

    public const string ToDo = "/my/to-do";

    public static string Meeting(int id) => $"/meetings/{Id(id)}";

    public static string Change(int id) => $"/meetings/{Id(id)}/change";

    public static string Record(int meetingId, int itemId) => $"/meetings/{Id(meetingId)}/items/{Id(itemId)}/record";

    public static string CloseFollowUp(int id) => $"/follow-ups/{Id(id)}/close";

    public static string Action(string reference) => $"/actions/{Uri.EscapeDataString(reference)}";

    public static string Priority(int number) => $"/priorities/{Id(number)}";

    public static string Measure(int id) => $"/measures/{Id(id)}";

    public static string Report(int id) => $"/reports/{Id(id)}";

    public static string KindName(MeetingKind kind) => kind switch
    {
        MeetingKind.CsipReview => "CSIP review",
        MeetingKind.ImprovementBoard => "Improvement Board",
        MeetingKind.ScrutinyCommittee => "Scrutiny Committee",
        _ => "Other meeting",
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Time(TimeOnly? time) => time is { } t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static string FollowUpStatusText(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Open",
        FollowUpStatus.ClosedByOwner => "Closed by owner, to be confirmed",
        _ => "Confirmed closed",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
