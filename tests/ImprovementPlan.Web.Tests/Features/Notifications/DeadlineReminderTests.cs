using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Features.Notifications;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

/// <summary>
/// Time moved across a CSIP review's update deadline: each lead gets one reminder before it, and the
/// senior responsible officer and the Service Director one escalation after it, however often the job runs.
/// </summary>
public sealed class DeadlineReminderTests(MailAppFactory factory) : IClassFixture<MailAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task RunJobTwiceAndSendAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Scope();
            await scope.ServiceProvider.GetRequiredService<LeadRemindersJob>().RunAsync(Ct);
        }

        await factory.SendOutboxAsync();
    }

    [Fact]
    public async Task Job_ClockMovedAcrossTheDeadline_OneReminderThenOneEscalationEach()
    {
        // Meeting on Tuesday 16 March 2021: deadline five working days before (Tuesday 9 March),
        // reminders from two working days before that (Friday 5 March). "Now" is Monday 1 March.
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var meeting = new Meeting(planId, MeetingKind.CsipReview, "CSIP review", new DateOnly(2021, 3, 16), WorkingDays.WeekendsOnly);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(Ct);
            return meeting.Id;
        });
        Assert.Equal(new DateOnly(2021, 3, 9), await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.UpdateDeadline).SingleAsync(Ct)));
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.LeadActionsAsync(lead.Id, "LG1");
        var sroName = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "LG1").Select(a => a.SeniorResponsibleOfficer).SingleAsync(Ct));
        Assert.False(string.IsNullOrWhiteSpace(sroName));
        var sro = await factory.CreateAsync(Roles.Viewer);
        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var tracked = (await users.FindByIdAsync(sro.Id))!;
            tracked.DisplayName = sroName!;
            Assert.True((await users.UpdateAsync(tracked)).Succeeded);
        }

        var director = await factory.CreateAsync(Roles.ServiceDirector);

        // 1 March: too early for a reminder.
        await RunJobTwiceAndSendAsync();
        Assert.Empty(factory.Smtp.To(lead.Email!));

        // 5 March: one reminder to the lead, listing LG1 with a link; nothing more when the job runs again.
        factory.Clock.Advance(TimeSpan.FromDays(4));
        await RunJobTwiceAndSendAsync();
        await RunJobTwiceAndSendAsync();
        var reminder = Assert.Single(factory.Smtp.To(lead.Email!));
        Assert.Contains("9 March 2021", reminder.Subject, StringComparison.Ordinal);
        Assert.Equal("/actions/LG1", MailTestSupport.LinkIn(reminder, "/actions/LG1"));
        Assert.Empty(factory.Smtp.To(director.Email!));

        // 10 March, after the missed deadline: one escalation each to the SRO and the Service Director.
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await RunJobTwiceAndSendAsync();
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobTwiceAndSendAsync();

        var toSro = Assert.Single(factory.Smtp.To(sro.Email!));
        Assert.Contains("LG1", toSro.TextBody, StringComparison.Ordinal);
        var toDirector = Assert.Single(factory.Smtp.To(director.Email!));
        Assert.Contains("LG1", toDirector.TextBody, StringComparison.Ordinal);
        Assert.Contains(lead.DisplayName, toDirector.TextBody, StringComparison.Ordinal);
        Assert.Single(factory.Smtp.To(lead.Email!));
        Assert.Equal(2, await factory.WithDbAsync(db => db.JobRuns.CountAsync(j => j.Key == $"meeting-{meetingId}", Ct)));
    }
}
