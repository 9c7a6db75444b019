using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The form for one agenda item: note, decision, a new follow-up, and (for agreed minutes) the reason for a correction.</summary>
public sealed class RecordItemForm
{
    public int Version { get; set; }

    public string? Note { get; set; }

    public string? Decision { get; set; }

    public string? FollowUpWhat { get; set; }

    public string? FollowUpOwner { get; set; }

    public DateParts FollowUpDue { get; set; } = new();

    public string? Reason { get; set; }

    // Shown, not posted.
    public int MeetingId { get; set; }

    public int ItemId { get; set; }

    public string MeetingTitle { get; set; } = string.Empty;

    public DateOnly MeetingDate { get; set; }

    public string ItemTitle { get; set; } = string.Empty;

    public IReadOnlyList<string> Reasons { get; set; } = [];

    public bool MinutesAgreed { get; set; }

    public IReadOnlyList<FollowUpView> FollowUps { get; set; } = [];

    public IReadOnlyList<SelectListItem> People { get; set; } = [];
}

/// <summary>
/// Records what the meeting said about an item. While the minutes are a draft the note and decision are
/// simply saved; once agreed, a change needs a reason and is kept as an amendment. A follow-up needs what,
/// who and by when, and can be added only to draft minutes.
/// </summary>
public sealed class RecordItemHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings, MeetingPeopleQuery people, CurrentUser user, TimeProvider clock)
{
    public async Task<RecordItemForm?> FormAsync(int meetingId, int itemId, RecordItemForm? posted, CancellationToken ct)
    {
        if (await LoadAsync(meetingId, itemId, ct) is not ({ } meeting, { } item))
        {
            return null;
        }

        var form = posted ?? new RecordItemForm { Version = item.Version, Note = item.Note, Decision = item.Decision };
        form.MeetingId = meeting.Id;
        form.ItemId = item.Id;
        form.MeetingTitle = meeting.Title;
        form.MeetingDate = meeting.Date;
        form.ItemTitle = item.Title;
        form.Reasons = item.Reasons;
        form.MinutesAgreed = meeting.MinutesAgreed;
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.PlanId == meeting.PlanId && f.AgendaItemId == itemId).OrderBy(f => f.Id).ToListAsync(ct);
        var ownerIds = followUps.Select(f => f.OwnerUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        form.FollowUps = [.. followUps.Select(f => new FollowUpView(f.Id, f.What, f.OwnerUserId, names.GetValueOrDefault(f.OwnerUserId, "A former user"), f.DueDate, f.Status, f.ClosingNote))];
        form.People = await people.ChoicesAsync(form.FollowUpOwner, "Select a person", ct);
        return form;
    }

    public async Task<MeetingResult> RecordAsync(int meetingId, int itemId, RecordItemForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await LoadAsync(meetingId, itemId, ct) is not ({ } meeting, { } item))
        {
            return MeetingResult.NotFound;
        }

        if (item.Version != form.Version)
        {
            return MeetingResult.Conflict;
        }

        if (meeting.IsCancelled)
        {
            return MeetingResult.Invalid(nameof(form.Decision), "This meeting was cancelled, so it has no minutes");
        }

        var errors = new Dictionary<string, string>();
        if (form.Note?.Trim().Length > 8000)
        {
            errors[nameof(form.Note)] = "The note must be 8,000 characters or fewer";
        }

        if (form.Decision?.Trim().Length > 4000)
        {
            errors[nameof(form.Decision)] = "The decision must be 4,000 characters or fewer";
        }

        var wantsFollowUp = !string.IsNullOrWhiteSpace(form.FollowUpWhat) || !string.IsNullOrEmpty(form.FollowUpOwner) || !form.FollowUpDue.IsEmpty;
        DateOnly? due = null;
        if (wantsFollowUp)
        {
            if (meeting.MinutesAgreed)
            {
                errors[nameof(form.FollowUpWhat)] = "The minutes have been agreed, so no follow-up can be added to them";
            }
            else
            {
                if (string.IsNullOrWhiteSpace(form.FollowUpWhat))
                {
                    errors[nameof(form.FollowUpWhat)] = "Enter what is to be done";
                }
                else if (form.FollowUpWhat.Trim().Length > 1000)
                {
                    errors[nameof(form.FollowUpWhat)] = "What is to be done must be 1,000 characters or fewer";
                }

                if (string.IsNullOrEmpty(form.FollowUpOwner) || !await people.IsActiveUserAsync(form.FollowUpOwner, ct))
                {
                    errors[nameof(form.FollowUpOwner)] = "Select a person";
                }

                (due, var dueError) = form.FollowUpDue.Parse("the date it is due by");
                if (dueError is null && due < meeting.Date)
                {
                    dueError = "The date it is due by must be on or after the day of the meeting";
                }

                if (dueError is not null)
                {
                    errors[nameof(form.FollowUpDue)] = dueError;
                }
            }
        }

        if (meeting.MinutesAgreed && string.IsNullOrWhiteSpace(form.Reason))
        {
            errors[nameof(form.Reason)] = "Enter the reason for the correction";
        }

        if (errors.Count > 0)
        {
            return MeetingResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (meeting.MinutesAgreed)
            {
                db.MinutesAmendments.Add(item.Amend(meeting, form.Note, form.Decision, form.Reason!, user.Id!, now));
            }
            else
            {
                item.Record(meeting, form.Note, form.Decision, now);
            }
        }
        catch (DomainRuleException e)
        {
            return MeetingResult.Invalid(nameof(form.Decision), e.Message);
        }

        if (wantsFollowUp)
        {
            db.FollowUps.Add(new FollowUp(meeting.PlanId, meeting.Id, item.Id, form.FollowUpWhat!, form.FollowUpOwner!, due!.Value, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingResult.Conflict;
        }

        return MeetingResult.Saved(
            wantsFollowUp ? $"Recorded against “{item.Title}”, with a follow-up" : $"Recorded against “{item.Title}”",
            $"{MeetingPaths.Meeting(meeting.Id)}#item-{item.Id}");
    }

    private async Task<(Meeting? Meeting, AgendaItem? Item)> LoadAsync(int meetingId, int itemId, CancellationToken ct)
    {
        if (await meetings.FindAsync(meetingId, ct) is not { } meeting)
        {
            return (null, null);
        }

        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.PlanId == meeting.PlanId && i.MeetingId == meetingId && i.Id == itemId, ct);
        return item is null ? (null, null) : (meeting, item);
    }
}
