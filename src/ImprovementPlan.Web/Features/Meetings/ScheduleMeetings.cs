using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The "Schedule meetings" form: one meeting, a run every N weeks, or a list of dates.</summary>
public sealed class ScheduleForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public DateParts FirstDate { get; set; } = new();

    public string? StartTime { get; set; }

    public string? Location { get; set; }

    public string? ChairUserId { get; set; }

    /// <summary>Once, Weeks or Dates.</summary>
    public string? Repeat { get; set; }

    public string? EveryWeeks { get; set; }

    public DateParts Until { get; set; } = new();

    public string? Dates { get; set; }

    public IReadOnlyList<SelectListItem> People { get; set; } = [];

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        [.. Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(MeetingPaths.KindName(k), k.ToString()))];

    public static IReadOnlyList<SelectListItem> Repeats { get; } =
    [
        new("One meeting", "Once"),
        new("Every few weeks on the same weekday, until a date", "Weeks"),
        new("On a list of dates", "Dates"),
    ];
}

/// <summary>Creates the coming meetings a schedule gives; a date that already has a meeting of the kind is left as it is.</summary>
public sealed class ScheduleMeetingsHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, MeetingPeopleQuery people, WorkingDays workingDays)
{
    public async Task<ScheduleForm> PrepareAsync(ScheduleForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.People = await people.ChoicesAsync(form.ChairUserId, "No chair yet", ct);
        return form;
    }

    public async Task<MeetingResult> CreateAsync(ScheduleForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        if (!Enum.TryParse<MeetingKind>(form.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors[nameof(form.Kind)] = "Select the kind of meeting";
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

        MeetingSchedule? schedule = null;
        switch (form.Repeat)
        {
            case "Once" or "Weeks":
                var (first, firstError) = form.FirstDate.Parse("the date of the first meeting");
                if (firstError is not null)
                {
                    errors[nameof(form.FirstDate)] = firstError;
                }

                if (form.Repeat == "Once")
                {
                    schedule = first is { } once ? MeetingSchedule.OnDates([once]) : null;
                    break;
                }

                if (!int.TryParse(form.EveryWeeks, out var weeks) || weeks is < 1 or > 52)
                {
                    errors[nameof(form.EveryWeeks)] = "Enter how many weeks apart the meetings are, from 1 to 52";
                }

                var (until, untilError) = form.Until.Parse("the date of the last meeting");
                if (untilError is null && first is { } f && until < f)
                {
                    untilError = "The date of the last meeting must be on or after the first";
                }

                if (untilError is not null)
                {
                    errors[nameof(form.Until)] = untilError;
                }

                if (errors.Count == 0)
                {
                    schedule = MeetingSchedule.Every(weeks, first!.Value.DayOfWeek, first.Value, until!.Value);
                }

                break;
            case "Dates":
                var dates = new List<DateOnly>();
                foreach (var line in MeetingFormat.Lines(form.Dates))
                {
                    if (!MeetingFormat.TryParseDate(line, out var date))
                    {
                        errors[nameof(form.Dates)] = $"Enter each date on its own line as day/month/year, for example 9/3/2027 (“{line}” is not a date)";
                        break;
                    }

                    dates.Add(date);
                }

                if (dates.Count == 0 && !errors.ContainsKey(nameof(form.Dates)))
                {
                    errors[nameof(form.Dates)] = "Enter at least one date";
                }

                schedule = MeetingSchedule.OnDates(dates);
                break;
            default:
                errors[nameof(form.Repeat)] = "Select how often the meeting happens";
                break;
        }

        IReadOnlyList<DateOnly> meetingDates = [];
        if (errors.Count == 0 && schedule is not null)
        {
            try
            {
                meetingDates = schedule.Dates();
            }
            catch (ArgumentOutOfRangeException)
            {
                errors[nameof(form.Until)] = $"A schedule can create at most {MeetingSchedule.MaximumMeetings} meetings: choose an earlier last date";
            }

            if (errors.Count == 0 && meetingDates.Count == 0)
            {
                errors[nameof(form.Until)] = "No meeting falls between the first and last dates";
            }
        }

        if (errors.Count > 0)
        {
            return MeetingResult.Invalid(errors);
        }

        var planId = await currentPlan.IdAsync(ct);
        var taken = await db.Meetings.Where(m => m.PlanId == planId && m.Kind == kind && meetingDates.Contains(m.Date))
            .Select(m => m.Date).ToListAsync(ct);
        var title = string.IsNullOrWhiteSpace(form.Title) ? MeetingPaths.KindName(kind) : form.Title.Trim();
        var added = 0;
        foreach (var date in meetingDates.Except(taken))
        {
            var meeting = new Meeting(planId, kind, title, date, workingDays);
            meeting.Describe(title, startTime, form.Location, form.ChairUserId);
            db.Meetings.Add(meeting);
            added++;
        }

        await db.SaveChangesAsync(ct);
        var notification = added switch
        {
            0 => "Those meetings were already scheduled",
            1 => $"{title} scheduled for {MeetingPaths.Date(meetingDates.Except(taken).Single())}",
            _ => $"{added} meetings of the {title} scheduled, from {MeetingPaths.Date(meetingDates[0])} to {MeetingPaths.Date(meetingDates[^1])}",
        };
        return MeetingResult.Saved(notification, MeetingPaths.List);
    }
}
