using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ImprovementPlan.EndToEndTests;

/// <summary>
/// The fortnightly cycle in a real browser: a head of service records progress with evidence on an
/// action they lead; the Service Director approves it; the action page and dashboard show it.
/// Every page the journey visits is checked with axe-core and kept as a screenshot.
/// </summary>
public sealed partial class UpdateJourneyTests(HostFixture host)
{
    [Fact]
    public async Task HeadOfService_SubmitsUpdateWithEvidence_ServiceDirectorApproves_ItShowsOnTheActionAndDashboard()
    {
        var narrative = $"Journey test {Guid.NewGuid():N}: the MASH audit tool is in use by every team manager.";

        // The head of service finds an action they lead from their dashboard.
        var head = await host.NewPageAsync();
        await head.SignInAsync("head.of.service@demo.test");
        await head.AssertAccessibleAsync("journey-01-head-dashboard");
        await head.GotoAsync("/actions?lead=me");
        await Assertions.Expect(head.Locator("[data-testid=results-count]")).ToContainTextAsync("action");
        await head.AssertAccessibleAsync("journey-02-my-actions");
        var firstAction = head.Locator("[data-testid=actions-table] tbody tr th a").First;
        var reference = (await firstAction.InnerTextAsync()).Trim();
        await firstAction.ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=action-heading]")).ToHaveTextAsync($"Action {reference}");
        await head.AssertAccessibleAsync("journey-03-action");

        // They write an update, propose "In progress", attach a PDF, and submit it.
        await head.Locator("[data-testid=add-update]").ClickAsync();
        await head.AssertAccessibleAsync("journey-04-update-form");
        await head.GetByLabel("What we have done").FillAsync(narrative);
        await head.Locator("fieldset", new() { HasText = "Proposed status" }).GetByLabel("In progress").CheckAsync();
        await head.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "mash-audit-summary.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await head.Locator("[data-testid=update-form] [data-testid=submit]").ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=state]")).ToContainTextAsync("Submitted");
        await Assertions.Expect(head.Locator("[data-testid=evidence]")).ToContainTextAsync("mash-audit-summary.pdf");
        await head.AssertAccessibleAsync("journey-05-update-submitted");

        // The Service Director sees it waiting, opens it and approves it.
        var director = await host.NewPageAsync();
        await director.SignInAsync("director@demo.test");
        await director.GotoAsync("/approvals");
        await director.AssertAccessibleAsync("journey-06-approvals");
        await director.Locator("[data-testid=waiting-update] a", new() { HasText = reference }).First.ClickAsync();
        await Assertions.Expect(director.Locator("[data-testid=narrative]")).ToHaveTextAsync(narrative);
        await director.AssertAccessibleAsync("journey-07-decision");
        await director.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(director.Locator("[data-testid=notification]")).ToBeVisibleAsync();
        await Assertions.Expect(director.Locator("[data-testid=waiting-update]", new() { HasText = reference })).ToHaveCountAsync(0);

        // The action now shows the approved update, its evidence and its new status, to everyone.
        await director.GotoAsync($"/actions/{reference}");
        var item = director.Locator("[data-testid=timeline-item]", new() { HasText = narrative });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-state", "Approved");
        await Assertions.Expect(item.Locator("[data-testid=timeline-evidence]")).ToContainTextAsync("mash-audit-summary.pdf");
        await Assertions.Expect(director.Locator("[data-testid=status]")).ToContainTextAsync("In progress");
        await Assertions.Expect(director.Locator("[data-testid=last-update]")).ToContainTextAsync("1 March 2021");
        await director.AssertAccessibleAsync("journey-08-action-after-approval");

        // The dashboard no longer has anything waiting for the Service Director's decision.
        await director.GotoAsync("/");
        await Assertions.Expect(director.Locator("[data-testid=section-director]")).Not.ToContainTextAsync(reference);
        await director.AssertAccessibleAsync("journey-09-director-dashboard");

        // And the head of service's own view of the action shows it approved.
        await head.GotoAsync($"/actions/{reference}");
        await Assertions.Expect(head.Locator("[data-testid=timeline-item]", new() { HasText = narrative })).ToHaveAttributeAsync("data-state", "Approved");
        await Assertions.Expect(head.Locator("[data-testid=status]")).ToHaveTextAsync(InProgress());
    }

    [GeneratedRegex("In progress")]
    private static partial Regex InProgress();
}
