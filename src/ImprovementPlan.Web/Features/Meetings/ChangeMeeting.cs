using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The "Change this meeting" form: its date and time (moving it), place, chair, attendees and update deadline.</summary>
public sealed class ChangeMeetingForm
{
    public int MeetingId { get; set; }

    public int Version { get; set; }

    public string? Title { get; set; }

    public DateParts Date { get; set; } = new();

    public string? StartTime { get; set; }

    public string? Location { get; set; }

    public string? ChairUserId { get; set; }

    public List<string> AttendeeUserIds { get; set; } = [];

    public string? Guests { get; set; }

    /// <summary>Left empty: five working days before the meeting.</summary>
    public DateParts UpdateDeadline { get; set; } = new();

    public string? DefaultDeadlineText { get; set; }

    public IReadOnlyList<SelectListItem> People { get; set; } = [];
}

/// <summary>Changes a meeting. Moving it keeps the date it was first set for; both are in the audit trail.</summary>
public sealed class ChangeMeetingHandler(ImprovementPlanDbContext db, MeetingPageQuery meetings, MeetingPeopleQuery people, WorkingDays workingDays)
{
    public async Task<ChangeMeetingForm?> EditFormAsync(int id, CancellationToken ct)
    {
        if (await meetings.FindAsync(id, ct) is not { } meeting)
        {
            return null;
        }

        var form = new ChangeMeetingForm
        {
            MeetingId = meeting.Id,
            Version = meeting.Version,
            Title = meeting.Title,
            Date = DateParts.From(meeting.Date),
            StartTime = MeetingPaths.Time(meeting.StartTime),
            Location = meeting.Location,
            ChairUserId = meeting.ChairUserId,
            AttendeeUserIds = [.. meeting.Attendees.Where(a => a.UserId is not null).Select(a => a.UserId!)],
            Guests = string.Join("\n", meeting.Attendees.Where(a => a.GuestName is not null).Select(a => a.GuestName)),
            UpdateDeadline = meeting.UpdateDeadlineOverridden ? DateParts.From(meeting.UpdateDeadline) : new DateParts(),
        };
        return await PrepareAsync(form, meeting.Date, ct);
    }

    public async Task<ChangeMeetingForm> PrepareAsync(ChangeMeetingForm form, DateOnly meetingDate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.People = await people.ChoicesAsync(form.ChairUserId, "No chair yet", ct);
        form.DefaultDeadlineText = MeetingPaths.DayAndDate(workingDays.DeadlineFor(meetingDate));
        return form;
    }

    public async Task<MeetingResult> ChangeAsync(int id, ChangeMeetingForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await meetings.FindAsync(id, ct) is not { } meeting)
        {
            return MeetingResult.NotFound;
        }

        if (meeting.Version != form.Version)
        {
            return MeetingResult.Conflict;
        }

        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors[nameof(form.Title)] = "Enter the name of the meeting";
        }

        var (date, dateError) = form.Date.Parse("the date of the meeting");
        if (dateError is not null)
        {
            errors[nameof(form.Date)] = dateError;
        }

        var startTime = MeetingFormat.ParseTime(form.StartTime, out var timeValid);
        if (!timeValid)
        {
            errors[nameof(form.StartTime)] = "Enter the start time as hours and minutes, for example 10:00";
        }

        if (!string.IsNullOrEmpty(form.ChairUserId) && !await people.IsActiveUserAsync(form.ChairUserId, ct))
        {
            errors[nameof(form.ChairUserId)] = "Select a person";
        }

        DateOnly? deadline = null;
        if (!form.UpdateDeadline.IsEmpty)
        {
            (deadline, var deadlineError) = form.UpdateDeadline.Parse("the update deadline");
            if (deadlineError is null && date is { } d && deadline > d)
            {
                deadlineError = "The update deadline must be on or before the day of the meeting";
            }

            if (deadlineError is not null)
            {
                errors[nameof(form.UpdateDeadline)] = deadlineError;
            }
        }

        var attendees = form.AttendeeUserIds.Where(u => !string.IsNullOrEmpty(u)).Distinct().ToList();
        if (attendees.Count > 0 && await db.Users.CountAsync(u => attendees.Contains(u.Id) && u.IsActive, ct) != attendees.Count)
        {
            errors[nameof(form.AttendeeUserIds)] = "Select people from the list";
        }

        if (errors.Count > 0)
        {
            return MeetingResult.Invalid(errors);
        }

        try
        {
            meeting.MoveTo(date!.Value, startTime, workingDays);
            meeting.Describe(form.Title!, startTime, form.Location, form.ChairUserId);
            meeting.SetUpdateDeadline(deadline, workingDays);
        }
        catch (DomainRuleException e)
        {
            return MeetingResult.Invalid(nameof(form.Date), e.Message);
        }

        meeting.SetAttendees(attendees, MeetingFormat.Lines(form.Guests));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingResult.Conflict;
        }

        return MeetingResult.Saved($"{meeting.Title} on {MeetingPaths.Date(meeting.Date)} saved", MeetingPaths.Meeting(meeting.Id));
    }
}
