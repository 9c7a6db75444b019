using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>Adds an item in the chair's own words at the end of the agenda.</summary>
public sealed class AddFreeItemHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings)
{
    public const int MaxLength = 300;

    public async Task<MeetingResult> RunAsync(int id, string? title, CancellationToken ct)
    {
        if (await meetings.FindAsync(id, ct) is not { } meeting)
        {
            return MeetingResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return MeetingResult.Invalid("NewItemTitle", "Enter the item’s title");
        }

        if (title.Trim().Length > MaxLength)
        {
            return MeetingResult.Invalid("NewItemTitle", $"The item’s title must be {MaxLength} characters or fewer");
        }

        if (meeting.IsCancelled || meeting.MinutesAgreed)
        {
            return MeetingResult.Invalid("NewItemTitle", "The agenda of a cancelled meeting, or of one whose minutes are agreed, cannot change");
        }

        var last = await db.AgendaItems.Where(i => i.PlanId == meeting.PlanId && i.MeetingId == id).MaxAsync(i => (int?)i.Order, ct) ?? 0;
        db.AgendaItems.Add(new AgendaItem(meeting.PlanId, id, last + 1, AgendaItemKind.Free, AgendaSubject.None, null, title, []));
        await db.SaveChangesAsync(ct);
        return MeetingResult.Saved($"“{title.Trim()}” added to the agenda", MeetingPaths.Meeting(id));
    }
}
