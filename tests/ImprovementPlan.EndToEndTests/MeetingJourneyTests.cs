using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The governance cycle in a real browser: the Service Director schedules and opens the next CSIP
/// review, accepts the agenda the data proposes, records a decision and a follow-up for a head of
/// service; the head of service closes it from their dashboard; the following review carries it as
/// closed and the chair confirms it. Every meetings page visited, and the record form's error state,
/// is checked with axe-core and kept as a screenshot.
/// </summary>
public sealed partial class MeetingJourneyTests(HostFixture host)
{
    private const string HeadOfService = "Demo Head of Service, Head of Service, Front Door and Assessment";

    [Fact]
    public async Task ServiceDirector_RecordsFollowUpForHeadOfService_HeadClosesIt_NextReviewCarriesItClosed()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var firstTitle = $"CSIP review {run} A";
        var secondTitle = $"CSIP review {run} B";
        var decision = $"Decision {run}: the front door audit continues monthly.";
        var followUpWhat = $"Follow-up {run}: share the audit findings with team managers";
        var closingNote = $"Closed {run}: findings shared at the managers' meeting.";

        // The Service Director schedules the next CSIP review (the seeded data has none after "today").
        var director = await host.NewPageAsync();
        await director.SignInAsync("director@demo.test");
        await ScheduleReviewAsync(director, firstTitle, day: "9", screenshots: true);
        await OpenMeetingAsync(director, firstTitle);
        await Assertions.Expect(director.Locator("[data-testid=meeting-title]")).ToHaveTextAsync($"{firstTitle}, 9 March 2021");
        await Assertions.Expect(director.Locator("[data-testid=agenda-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("[data-testid=proposed-item]").First).ToBeVisibleAsync();
        await director.AssertAccessibleAsync("meeting-journey-03-meeting-proposed");

        // They accept the proposed agenda.
        var proposed = await director.Locator("[data-testid=proposed-item]").CountAsync();
        await director.Locator("[data-testid=accept-proposal]").ClickAsync();
        await Assertions.Expect(director.Locator("[data-testid=notification]")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(proposed);
        await Assertions.Expect(director.Locator("[data-testid=nothing-proposed]")).ToBeVisibleAsync();
        await director.AssertAccessibleAsync("meeting-journey-04-meeting-agenda");

        // They open the first item to record it; a follow-up without an owner or date is refused.
        var firstItem = director.Locator("[data-testid=agenda-item]").First;
        await firstItem.Locator("[data-testid=record-item]").ClickAsync();
        await Assertions.Expect(director.Locator("[data-testid=record-form]")).ToBeVisibleAsync();
        await director.AssertAccessibleAsync("meeting-journey-05-record");
        await director.GetByLabel("Decision", new() { Exact = true }).FillAsync(decision);
        await director.GetByLabel("What is to be done").FillAsync(followUpWhat);
        await director.Locator("[data-testid=record-submit]").ClickAsync();
        var summary = director.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Select a person");
        await Assertions.Expect(summary).ToContainTextAsync("date");
        await Assertions.Expect(director).ToHaveTitleAsync(StartsWithError());
        await Assertions.Expect(director.GetByLabel("Decision", new() { Exact = true })).ToHaveValueAsync(decision);
        await Assertions.Expect(director.GetByLabel("What is to be done")).ToHaveValueAsync(followUpWhat);
        await director.AssertAccessibleAsync("meeting-journey-06-record-error");

        // With the owner and date given, the decision and follow-up are recorded.
        await director.GetByLabel("Who", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = HeadOfService });
        var due = director.Locator("fieldset", new() { HasText = "By when" }).Last;
        await due.GetByLabel("Day").FillAsync("19");
        await due.GetByLabel("Month").FillAsync("3");
        await due.GetByLabel("Year").FillAsync("2021");
        await director.Locator("[data-testid=record-submit]").ClickAsync();
        var recorded = director.Locator("[data-testid=agenda-item]", new() { HasText = followUpWhat });
        await Assertions.Expect(recorded.Locator("[data-testid=item-decision]")).ToContainTextAsync(decision);
        await Assertions.Expect(recorded.Locator("[data-testid=follow-up]")).ToContainTextAsync("Demo Head of Service, by 19 March 2021 (Open)");
        await director.AssertAccessibleAsync("meeting-journey-07-meeting-recorded");

        // The head of service sees the follow-up on their dashboard and closes it with a note.
        var head = await host.NewPageAsync();
        await head.SignInAsync("head.of.service@demo.test");
        await head.GotoAsync("/");
        var followUpLink = head.Locator("[data-testid=section-follow-ups] a", new() { HasText = followUpWhat });
        await Assertions.Expect(followUpLink).ToBeVisibleAsync();
        await followUpLink.ClickAsync();
        await Assertions.Expect(head).ToHaveURLAsync(CloseFollowUpPath());
        await Assertions.Expect(head.Locator("[data-testid=follow-up-what]")).ToHaveTextAsync(followUpWhat);
        await head.AssertAccessibleAsync("meeting-journey-08-close-follow-up");
        var closePath = new Uri(head.Url).AbsolutePath;
        await head.GetByLabel("What was done").FillAsync(closingNote);
        await head.Locator("[data-testid=close-follow-up-submit]").ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=notification]")).ToContainTextAsync("Follow-up closed");
        await Assertions.Expect(head.Locator("[data-testid=section-follow-ups] a", new() { HasText = followUpWhat })).ToHaveCountAsync(0);
        await head.GotoAsync(closePath);
        await Assertions.Expect(head.Locator("[data-testid=follow-up-closed]")).ToContainTextAsync("Closed by owner, to be confirmed");

        // The next review proposes the follow-up, closed by its owner; once on the agenda the chair confirms it.
        await ScheduleReviewAsync(director, secondTitle, day: "23", screenshots: false);
        await OpenMeetingAsync(director, secondTitle);
        var carriedProposal = director.Locator("[data-testid=proposed-item]", new() { HasText = followUpWhat });
        await Assertions.Expect(carriedProposal).ToContainTextAsync($"Closed by its owner: {closingNote}");
        await director.AssertAccessibleAsync("meeting-journey-09-next-meeting-proposed");
        await director.Locator("[data-testid=accept-proposal]").ClickAsync();
        var carried = director.Locator("[data-testid=agenda-item]", new() { HasText = followUpWhat });
        await Assertions.Expect(carried.Locator("[data-testid=carried-status]")).ToHaveTextAsync("Closed by owner, to be confirmed");
        await Assertions.Expect(carried.Locator("[data-testid=carried-follow-up]")).ToContainTextAsync(closingNote);
        await director.AssertAccessibleAsync("meeting-journey-10-next-meeting-agenda");
        await carried.Locator("[data-testid=confirm-follow-up]").ClickAsync();
        await Assertions.Expect(director.Locator("[data-testid=notification]")).ToContainTextAsync("confirmed closed");
        carried = director.Locator("[data-testid=agenda-item]", new() { HasText = followUpWhat });
        await Assertions.Expect(carried.Locator("[data-testid=carried-status]")).ToHaveTextAsync("Confirmed closed");
        await Assertions.Expect(carried.Locator("[data-testid=confirm-follow-up]")).ToHaveCountAsync(0);
        await director.AssertAccessibleAsync("meeting-journey-11-next-meeting-confirmed");
    }

    /// <summary>Schedules one CSIP review in March 2021 from the "Schedule meetings" form.</summary>
    private static async Task ScheduleReviewAsync(IPage page, string title, string day, bool screenshots)
    {
        await page.GotoAsync("/meetings");
        if (screenshots)
        {
            await page.AssertAccessibleAsync("meeting-journey-01-meetings");
        }

        await page.Locator("[data-testid=schedule-meetings]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=schedule-form]")).ToBeVisibleAsync();
        if (screenshots)
        {
            await page.AssertAccessibleAsync("meeting-journey-02-schedule");
        }

        await page.GetByLabel("Kind of meeting").SelectOptionAsync(new SelectOptionValue { Label = "CSIP review" });
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("One meeting", new() { Exact = true }).CheckAsync();
        var first = page.Locator("fieldset", new() { HasText = "Date of the first meeting" });
        await first.GetByLabel("Day").FillAsync(day);
        await first.GetByLabel("Month").FillAsync("3");
        await first.GetByLabel("Year").FillAsync("2021");
        await page.Locator("[data-testid=schedule-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notification]")).ToBeVisibleAsync();
    }

    private static async Task OpenMeetingAsync(IPage page, string title)
    {
        await page.GotoAsync("/meetings");
        await page.Locator("[data-testid=coming-meetings] a", new() { HasText = title }).ClickAsync();
    }

    [GeneratedRegex("^Error: ")]
    private static partial Regex StartsWithError();

    [GeneratedRegex(@"/follow-ups/\d+/close$")]
    private static partial Regex CloseFollowUpPath();
}
