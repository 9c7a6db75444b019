using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.DueDates;

public sealed class DueDateChangeTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_Request_ByTheLead_IsPendingAndDoesNotMoveTheDate()
    {
        var (client, _) = await LeadOfAsync("QP12");
        var before = await ActionAsync("QP12");

        using var response = await client.PostFormAsync("/actions/QP12/due-date", NewDate(30, 6, 2021, "Waiting for the new case management system"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var change = await factory.WithDbAsync(db => db.DueDateChanges.SingleAsync(c => c.ActionId == before.Id, Ct));
        Assert.Equal(DueDateChangeState.Pending, change.State);
        Assert.Equal(before.DueDate, change.FromDate);
        Assert.Equal(new DateOnly(2021, 6, 30), change.ToDate);
        Assert.Equal("Waiting for the new case management system", change.Reason);
        Assert.Equal(before.DueDate, (await ActionAsync("QP12")).DueDate);

        // While it waits, the page says so instead of offering a form that could only be refused.
        var page = await client.GetDocumentAsync("/actions/QP12/due-date");
        Assert.Contains("30 June 2021", page.QuerySelector("[data-testid=pending-request]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/actions/QP12/due-date']"));
        client.Dispose();
    }

    [Fact]
    public async Task Post_Approve_MovesTheDueDateAndKeepsTheOriginal()
    {
        var (lead, _) = await LeadOfAsync("QP13");
        using (lead)
        {
            using var requested = await lead.PostFormAsync("/actions/QP13/due-date", NewDate(31, 7, 2021, "Recruitment delayed"));
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        }

        var before = await ActionAsync("QP13");
        var change = await factory.WithDbAsync(db => db.DueDateChanges.SingleAsync(c => c.ActionId == before.Id, Ct));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var list = await director.GetDocumentAsync("/due-date-changes");
        var card = list.QuerySelector($"[data-testid=pending-{change.Id}]");
        Assert.NotNull(card);
        var slippageDays = new DateOnly(2021, 7, 31).DayNumber - before.OriginalDueDate!.Value.DayNumber;
        Assert.StartsWith($"{slippageDays} days later than the original date", card.QuerySelector("[data-testid=slippage]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Recruitment delayed", card.TextContent, StringComparison.Ordinal);

        using var response = await director.PostFormAsync($"/due-date-changes/{change.Id}/approve", ("comment", "Agreed at CSIP"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ActionAsync("QP13");
        Assert.Equal(new DateOnly(2021, 7, 31), after.DueDate);
        Assert.Equal(before.OriginalDueDate, after.OriginalDueDate);
        var decided = await factory.WithDbAsync(db => db.DueDateChanges.SingleAsync(c => c.Id == change.Id, Ct));
        Assert.Equal(DueDateChangeState.Approved, decided.State);
        Assert.Equal("Agreed at CSIP", decided.DecisionComment);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityKey == "QP13" && e.Changes!.Contains("\"DueDate\""), Ct)));
        Assert.Null((await director.GetDocumentAsync("/due-date-changes")).QuerySelector($"[data-testid=pending-{change.Id}]"));
    }

    [Fact]
    public async Task Post_Reject_KeepsTheDateAndNeedsAComment()
    {
        var change = await PendingChangeAsync("QP14", new DateOnly(2021, 9, 30));
        var before = await ActionAsync("QP14");
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var withoutComment = await director.PostFormAsync($"/due-date-changes/{change}/reject", ("comment", " "));

        Assert.Equal(HttpStatusCode.OK, withoutComment.StatusCode);
        Assert.Equal(["Enter a comment explaining why you are rejecting the request"], FormPosting.Errors(await Users.ParseAsync(withoutComment)));
        Assert.Equal(DueDateChangeState.Pending, await StateAsync(change));

        using var rejected = await director.PostFormAsync($"/due-date-changes/{change}/reject", ("comment", "Keep to the plan"));

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(DueDateChangeState.Rejected, await StateAsync(change));
        Assert.Equal(before.DueDate, (await ActionAsync("QP14")).DueDate);
    }

    [Fact]
    public async Task Post_ApproveTwice_TheSecondChangesNothing()
    {
        var change = await PendingChangeAsync("QP15", new DateOnly(2021, 10, 31));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using var first = await director.PostFormAsync($"/due-date-changes/{change}/approve");

        using var second = await director.PostFormAsync($"/due-date-changes/{change}/reject", ("comment", "Too late"));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(DueDateChangeState.Approved, await StateAsync(change));
        Assert.Equal(new DateOnly(2021, 10, 31), (await ActionAsync("QP15")).DueDate);
    }

    [Fact]
    public async Task Request_HeadOfServiceNotLeadingTheAction_ReturnsForbiddenAndChangesNothing()
    {
        var (client, _) = await LeadOfAsync("QP16");
        using (client)
        {
            using var get = await client.GetAsync(new Uri("/actions/QP17/due-date", UriKind.Relative), Ct);
            using var post = await client.PostFormAsync("/actions/QP17/due-date", NewDate(1, 12, 2021, "Not mine"));
            // A form field naming the action the user does lead does not change which action the route names.
            using var tampered = await client.PostFormAsync("/actions/QP17/due-date",
                [.. NewDate(1, 12, 2021, "Not mine"), new KeyValuePair<string, string>("reference", "QP16")]);

            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        }

        var ids = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "QP16" || a.Reference == "QP17").Select(a => a.Id).ToListAsync(Ct));
        Assert.False(await factory.WithDbAsync(db => db.DueDateChanges.AnyAsync(c => ids.Contains(c.ActionId), Ct)));
    }

    [Fact]
    public async Task Post_Decide_AsHeadOfService_ReturnsForbidden()
    {
        var change = await PendingChangeAsync("QP18", new DateOnly(2021, 11, 30));
        var (lead, _) = await LeadOfAsync("QP18");
        using (lead)
        {
            using var approve = await lead.PostFormAsync($"/due-date-changes/{change}/approve");
            using var reject = await lead.PostFormAsync($"/due-date-changes/{change}/reject", ("comment", "Mine"));

            Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        }

        Assert.Equal(DueDateChangeState.Pending, await StateAsync(change));
    }

    [Fact]
    public async Task Post_Request_ByTheServiceDirector_AppliesAtOnceAndIsRecordedAsApproved()
    {
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var before = await ActionAsync("QP19");

        using var response = await director.PostFormAsync("/actions/QP19/due-date", NewDate(15, 5, 2021, "Board agreed a new date"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ActionAsync("QP19");
        Assert.Equal(new DateOnly(2021, 5, 15), after.DueDate);
        Assert.Equal(before.OriginalDueDate, after.OriginalDueDate);
        var change = await factory.WithDbAsync(db => db.DueDateChanges.SingleAsync(c => c.ActionId == before.Id, Ct));
        Assert.Equal(DueDateChangeState.Approved, change.State);
        Assert.Equal(change.RequestedByUserId, change.DecidedByUserId);
    }

    [Fact]
    public async Task Post_Request_ByAnAdministrator_WaitsForTheServiceDirector()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var before = await ActionAsync("QP20");

        using var response = await admin.PostFormAsync("/actions/QP20/due-date", NewDate(15, 5, 2021, "Typo in the plan"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before.DueDate, (await ActionAsync("QP20")).DueDate);
        Assert.Equal(DueDateChangeState.Pending, await factory.WithDbAsync(db => db.DueDateChanges.Where(c => c.ActionId == before.Id).Select(c => c.State).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Post_Request_Invalid_ShowsTheErrors()
    {
        var (client, _) = await LeadOfAsync("QP23");
        using (client)
        {
            var current = (await ActionAsync("QP23")).DueDate!.Value;

            using var same = await client.PostFormAsync("/actions/QP23/due-date", NewDate(current.Day, current.Month, current.Year, ""));
            using var empty = await client.PostFormAsync("/actions/QP23/due-date", NewDate(0, 0, 0, "Because").Where(f => !f.Key.StartsWith("NewDueDate", StringComparison.Ordinal)));

            Assert.Equal(["Enter a reason for moving the date", $"The new due date must be different from the current due date, {current:d MMMM yyyy}"],
                FormPosting.Errors(await Users.ParseAsync(same)).Order(StringComparer.Ordinal));
            Assert.Equal(["Enter the new due date"], FormPosting.Errors(await Users.ParseAsync(empty)));
        }

        var id = (await ActionAsync("QP23")).Id;
        Assert.False(await factory.WithDbAsync(db => db.DueDateChanges.AnyAsync(c => c.ActionId == id, Ct)));
    }

    [Fact]
    public async Task Post_Request_DateBeforeThePlanBegan_IsRefusedWithAMessage()
    {
        var (client, _) = await LeadOfAsync("QP24");

        using var response = await client.PostFormAsync("/actions/QP24/due-date", NewDate(31, 12, 2018, "Typed the wrong year"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The new due date must be on or after 1 March 2020, when the plan began"],
            FormPosting.Errors(await Users.ParseAsync(response)));
        var id = (await ActionAsync("QP24")).Id;
        Assert.False(await factory.WithDbAsync(db => db.DueDateChanges.AnyAsync(c => c.ActionId == id, Ct)));
        client.Dispose();
    }

    private static List<KeyValuePair<string, string>> NewDate(int day, int month, int year, string reason) =>
    [
        new("NewDueDate.Day", day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("NewDueDate.Month", month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("NewDueDate.Year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Reason", reason),
    ];

    /// <summary>A new head of service who leads the action, signed in.</summary>
    private async Task<(HttpClient Client, string UserId)> LeadOfAsync(string reference)
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == reference, Ct);
            action.AssignLead(head.Id);
            return await db.SaveChangesAsync(Ct);
        });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(head.Email!, Users.Password)).StatusCode);
        return (client, head.Id);
    }

    private Task<int> PendingChangeAsync(string reference, DateOnly to) => factory.WithDbAsync(async db =>
    {
        var action = await db.Actions.SingleAsync(a => a.Reference == reference, Ct);
        var change = new DueDateChange(action.Id, action.DueDate, to, "Arranged for the test", null, "Test", AppFactory.Now.UtcDateTime);
        db.DueDateChanges.Add(change);
        await db.SaveChangesAsync(Ct);
        return change.Id;
    });

    private Task<DueDateChangeState> StateAsync(int id) =>
        factory.WithDbAsync(db => db.DueDateChanges.Where(c => c.Id == id).Select(c => c.State).SingleAsync(Ct));

    private Task<ImprovementAction> ActionAsync(string reference) =>
        factory.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Reference == reference, Ct));
}
