using ImprovementPlan.Domain.Common;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The chair confirms a follow-up its owner has closed, or reopens it; either way the page goes back to the meeting it was seen at.</summary>
public sealed class ConfirmFollowUpHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, CurrentUser user, TimeProvider clock)
{
    public async Task<MeetingResult> RunAsync(int id, bool confirm, int returnToMeetingId, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        if (await db.FollowUps.SingleOrDefaultAsync(f => f.PlanId == planId && f.Id == id, ct) is not { } followUp)
        {
            return MeetingResult.NotFound;
        }

        var back = await db.Meetings.AnyAsync(m => m.PlanId == planId && m.Id == returnToMeetingId, ct) ? returnToMeetingId : followUp.MeetingId;
        try
        {
            if (confirm)
            {
                followUp.Confirm(user.Id!, clock.GetUtcNow().UtcDateTime);
            }
            else
            {
                followUp.Reopen();
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException e)
        {
            return MeetingResult.Saved(e.Message, MeetingPaths.Meeting(back));
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingResult.Conflict;
        }

        return MeetingResult.Saved(confirm ? $"“{followUp.What}” confirmed closed" : $"“{followUp.What}” reopened", MeetingPaths.Meeting(back));
    }
}
