using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Features.Reports;
using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>"Prepare a report for this meeting": the report form filled in from the meeting (its kind of report, date and committee).</summary>
public static class MeetingReportForm
{
    public static NewReportForm For(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new NewReportForm
        {
            Kind = meeting.Kind switch
            {
                MeetingKind.ScrutinyCommittee => ReportKind.ScrutinyReport,
                MeetingKind.ImprovementBoard => ReportKind.BoardProgressReport,
                _ => ReportKind.CsipReviewPack,
            },
            ReportDate = DateParts.From(meeting.Date),
            Committee = meeting.Title,
        };
    }
}
