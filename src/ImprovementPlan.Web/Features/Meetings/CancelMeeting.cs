using ImprovementPlan.Domain.Common;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>Cancels one meeting; it stays in the list, marked cancelled, and the audit trail says who did it.</summary>
public sealed class CancelMeetingHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings)
{
    public async Task<MeetingResult> RunAsync(int id, int version, CancellationToken ct)
    {
        if (await meetings.FindAsync(id, ct) is not { } meeting)
        {
            return MeetingResult.NotFound;
        }

        if (meeting.Version != version)
        {
            return MeetingResult.Conflict;
        }

        if (meeting.IsCancelled)
        {
            return MeetingResult.Saved("This meeting was already cancelled", MeetingPaths.Meeting(id));
        }

        try
        {
            meeting.Cancel();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException e)
        {
            return MeetingResult.Invalid("Cancel", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingResult.Conflict;
        }

        return MeetingResult.Saved($"{meeting.Title} on {MeetingPaths.Date(meeting.Date)} cancelled", MeetingPaths.Meeting(id));
    }
}
