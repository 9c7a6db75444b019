using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>Moves an item one place up or down the agenda, or takes it off (unless something was recorded against it).</summary>
public sealed class ReorderAgendaHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings)
{
    public async Task<MeetingResult> MoveAsync(int id, int itemId, int by, CancellationToken ct)
    {
        var (meeting, items, error) = await LoadAsync(id, ct);
        if (error is not null)
        {
            return error;
        }

        var index = items.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            return MeetingResult.NotFound;
        }

        var target = index + by;
        if (target >= 0 && target < items.Count)
        {
            (items[index], items[target]) = (items[target], items[index]);
            Renumber(items);
            await db.SaveChangesAsync(ct);
        }

        return MeetingResult.Saved($"“{items[Math.Clamp(target, 0, items.Count - 1)].Title}” moved", $"{MeetingPaths.Meeting(meeting!.Id)}#agenda");
    }

    public async Task<MeetingResult> RemoveAsync(int id, int itemId, CancellationToken ct)
    {
        var (meeting, items, error) = await LoadAsync(id, ct);
        if (error is not null)
        {
            return error;
        }

        if (items.FirstOrDefault(i => i.Id == itemId) is not { } item)
        {
            return MeetingResult.NotFound;
        }

        if (item.Note is not null || item.Decision is not null || await db.FollowUps.AnyAsync(f => f.PlanId == meeting!.PlanId && f.AgendaItemId == itemId, ct))
        {
            return MeetingResult.Invalid("Agenda", $"“{item.Title}” has a note, decision or follow-up recorded, so it stays on the agenda");
        }

        db.AgendaItems.Remove(item);
        items.Remove(item);
        Renumber(items);
        await db.SaveChangesAsync(ct);
        return MeetingResult.Saved($"“{item.Title}” taken off the agenda", $"{MeetingPaths.Meeting(meeting!.Id)}#agenda");
    }

    private async Task<(Meeting? Meeting, List<AgendaItem> Items, MeetingResult? Error)> LoadAsync(int id, CancellationToken ct)
    {
        if (await meetings.FindAsync(id, ct) is not { } meeting)
        {
            return (null, [], MeetingResult.NotFound);
        }

        if (meeting.IsCancelled || meeting.MinutesAgreed)
        {
            return (meeting, [], MeetingResult.Invalid("Agenda", "The agenda of a cancelled meeting, or of one whose minutes are agreed, cannot change"));
        }

        var items = await db.AgendaItems.Where(i => i.PlanId == meeting.PlanId && i.MeetingId == id).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        return (meeting, items, null);
    }

    private static void Renumber(List<AgendaItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Order != i + 1)
            {
                items[i].MoveTo(i + 1);
            }
        }
    }
}
