using ImprovementPlan.Domain.Common;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The chair agrees a meeting's minutes (usually at the next meeting); from then on they change only by amendment.</summary>
public sealed class AgreeMinutesHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings, CurrentUser user, TimeProvider clock)
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

        if (meeting.MinutesAgreed)
        {
            return MeetingResult.Saved("The minutes were already agreed", MeetingPaths.Meeting(id));
        }

        if (clock.Today() < meeting.Date)
        {
            return MeetingResult.Invalid("Minutes", "The minutes can be agreed once the meeting has taken place");
        }

        try
        {
            meeting.AgreeMinutes(user.Id!, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException e)
        {
            return MeetingResult.Invalid("Minutes", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingResult.Conflict;
        }

        return MeetingResult.Saved("Minutes agreed. Corrections from now on need a reason", MeetingPaths.Meeting(id));
    }
}
