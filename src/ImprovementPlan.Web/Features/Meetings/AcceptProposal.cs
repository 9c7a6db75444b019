using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>
/// Puts the items the data proposes on the agenda, after those already there. A subject already on the
/// agenda is not added twice (a unique index makes sure of it when two posts race).
/// </summary>
public sealed class AcceptProposalHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings, AgendaProposalQuery proposal)
{
    public async Task<MeetingResult> RunAsync(int id, CancellationToken ct)
    {
        if (await meetings.FindAsync(id, ct) is not { } meeting)
        {
            return MeetingResult.NotFound;
        }

        if (meeting.IsCancelled || meeting.MinutesAgreed)
        {
            return MeetingResult.Invalid("Agenda", "The agenda of a cancelled meeting, or of one whose minutes are agreed, cannot change");
        }

        var existing = await db.AgendaItems.Where(i => i.PlanId == meeting.PlanId && i.MeetingId == id)
            .Select(i => new { i.Subject, i.SubjectId, i.Order }).ToListAsync(ct);
        var onAgenda = existing.Where(i => i.SubjectId is not null).Select(i => (i.Subject, i.SubjectId!.Value)).ToHashSet();
        var order = existing.Count == 0 ? 0 : existing.Max(i => i.Order);
        var added = 0;
        foreach (var item in await proposal.ProposeAsync(meeting, ct))
        {
            if (onAgenda.Add((item.Subject, item.SubjectId)))
            {
                var kind = item.Subject == AgendaSubject.Report ? AgendaItemKind.Report : AgendaItemKind.ProposedFromData;
                db.AgendaItems.Add(new AgendaItem(meeting.PlanId, id, ++order, kind, item.Subject, item.SubjectId, item.Title, item.Reasons));
                added++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another post of the same button added them first.
            return MeetingResult.Saved("The proposed items are on the agenda", MeetingPaths.Meeting(id));
        }

        return MeetingResult.Saved(added == 1 ? "1 proposed item added to the agenda" : $"{added} proposed items added to the agenda",
            MeetingPaths.Meeting(id));
    }
}
