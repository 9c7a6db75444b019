using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Features.Notifications;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Features.Meetings;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

/// <summary>
/// A lead's reminder is their "What I need to do" list, and it falls due by the working days the meetings
/// count, bank holidays from configuration included.
/// </summary>
public sealed class ReminderListTests(ReminderListTests.BankHolidayFactory factory) : IClassFixture<ReminderListTests.BankHolidayFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The mail-catching app with Friday 12 March 2021 a bank holiday.</summary>
    public sealed class BankHolidayFactory : MailAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Meetings:BankHolidays:0"] = "2021-03-12",
        };
    }

    private async Task RunJobAndSendAsync()
    {
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<LeadRemindersJob>().RunAsync(Ct);
        }

        await factory.SendOutboxAsync();
    }

    [Fact]
    public async Task Reminder_ListsWhatTheToDoPageLists_FromTheDayTheBankHolidayBringsItForward()
    {
        // Review on Tuesday 16 March 2021: with 12 March a holiday the deadline is Monday 8 March (not Tuesday 9 March),
        // so reminders start two working days before, on Thursday 4 March (not Friday 5 March). "Now" is Monday 1 March.
        var workingDays = factory.Services.GetRequiredService<WorkingDays>();
        var deadline = await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var meeting = new Meeting(planId, MeetingKind.CsipReview, "CSIP review", new DateOnly(2021, 3, 16), workingDays);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(Ct);
            return meeting.UpdateDeadline;
        });
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 6, 30));
        await factory.LeadActionsAsync(lead.Id, reference);
        var earlier = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 2, 16));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using (var added = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(earlier)}/agenda/add", ("newItemTitle", "Reminder test item")))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, added.StatusCode);
        }

        await director.RecordAsync(earlier, await factory.ItemOfAsync(earlier, "Reminder test item"), "Audit dates to be shared",
            ("Send the audit dates", lead.Id, new DateOnly(2021, 3, 5)));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await RunJobAndSendAsync();
        var beforeReminders = factory.Smtp.To(lead.Email!).Count;
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAndSendAsync();
        await RunJobAndSendAsync();
        var reminder = Assert.Single(factory.Smtp.To(lead.Email!));
        using var client = await factory.ClientForAsync(lead);
        var toDo = await client.GetDocumentAsync("/my/to-do");
        var listed = toDo.QuerySelectorAll("[data-testid=todo-actions] a, [data-testid=todo-figures] a, [data-testid=todo-follow-ups] a")
            .Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(new DateOnly(2021, 3, 8), deadline);
        Assert.Equal(0, beforeReminders);
        Assert.Contains("8 March 2021", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains($"/actions/{reference}", listed);
        Assert.Contains(listed, href => href.StartsWith("/follow-ups/", StringComparison.Ordinal));
        Assert.All(listed, href => Assert.Equal(href, MailTestSupport.LinkIn(reminder, href)));
        Assert.Contains("Send the audit dates", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal("/my/to-do", MailTestSupport.LinkIn(reminder, "/my/to-do"));
    }
}
