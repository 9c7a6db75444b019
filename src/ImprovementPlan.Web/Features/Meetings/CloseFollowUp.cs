using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The follow-up being closed, as its page shows it.</summary>
public sealed record FollowUpPage(int Id, int Version, string What, DateOnly DueDate, FollowUpStatus Status, string MeetingTitle, DateOnly MeetingDate, int MeetingId, string ItemTitle);

/// <summary>The owner closes their follow-up with a note on what was done; only the owner may.</summary>
public sealed class CloseFollowUpHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, CurrentUser user, TimeProvider clock)
{
    public async Task<FollowUpPage?> PageAsync(int id, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        return await (from f in db.FollowUps.AsNoTracking()
                      join m in db.Meetings.AsNoTracking() on f.MeetingId equals m.Id
                      join i in db.AgendaItems.AsNoTracking() on f.AgendaItemId equals i.Id
                      where f.PlanId == planId && f.Id == id
                      select new FollowUpPage(f.Id, f.Version, f.What, f.DueDate, f.Status, m.Title, m.Date, m.Id, i.Title))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> IsOwnerAsync(int id, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        return await db.FollowUps.AnyAsync(f => f.PlanId == planId && f.Id == id && f.OwnerUserId == user.Id, ct);
    }

    public async Task<MeetingResult> RunAsync(int id, int version, string? note, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        if (await db.FollowUps.SingleOrDefaultAsync(f => f.PlanId == planId && f.Id == id, ct) is not { } followUp)
        {
            return MeetingResult.NotFound;
        }

        if (followUp.OwnerUserId != user.Id)
        {
            return MeetingResult.Forbidden;
        }

        if (followUp.Version != version)
        {
            return MeetingResult.Conflict;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return MeetingResult.Invalid("Note", "Enter what was done");
        }

        if (note.Trim().Length > 4000)
        {
            return MeetingResult.Invalid("Note", "What was done must be 4,000 characters or fewer");
        }

        try
        {
            followUp.Close(user.Id!, note, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException e)
        {
            return MeetingResult.Invalid("Note", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingResult.Conflict;
        }

        return MeetingResult.Saved("Follow-up closed. The chair will confirm it at the next meeting", "/");
    }
}
