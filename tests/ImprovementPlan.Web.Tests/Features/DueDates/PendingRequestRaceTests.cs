using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.DueDates;

/// <summary>One pending due-date request per action, held by a unique index, however many posts race.</summary>
public sealed class PendingRequestRaceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string AlreadyWaiting = "A request to move this date is already waiting for the Service Director’s decision";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> NewDate(int day, string reason) =>
    [
        new("NewDueDate.Day", day.ToString(CultureInfo.InvariantCulture)),
        new("NewDueDate.Month", "12"),
        new("NewDueDate.Year", "2021"),
        new("Reason", reason),
    ];

    [Fact]
    public async Task TenParallelRequests_LeaveOnePending_AndTheOthersAreToldWhy()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "QP19", Ct);
            action.AssignLead(head.Id);
            return await db.SaveChangesAsync(Ct);
        });
        // Ten browsers of the lead's, each signed in.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(head.Email!, Users.Password)).StatusCode);
            clients.Add(client);
        }

        using var start = new SemaphoreSlim(0);
        var posts = clients.Select(async (client, i) =>
        {
            var token = await client.AntiforgeryTokenAsync("/");
            await start.WaitAsync(Ct);
            using var content = new FormUrlEncodedContent([.. NewDate(i + 1, $"Reason {i}"), new("__RequestVerificationToken", token)]);
            using var response = await client.PostAsync(new Uri("/actions/QP19/due-date", UriKind.Relative), content, Ct);
            return (response.StatusCode, Body: (await Users.ParseAsync(response)).Body!.TextContent);
        }).ToList();
        start.Release(clients.Count);
        var results = await Task.WhenAll(posts);

        var actionId = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "QP19").Select(a => a.Id).SingleAsync(Ct));
        Assert.Equal(1, await factory.WithDbAsync(db => db.DueDateChanges.CountAsync(c => c.ActionId == actionId && c.State == DueDateChangeState.Pending, Ct)));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Redirect), r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(AlreadyWaiting, r.Body, StringComparison.Ordinal);
        });
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task SecondPendingRow_IsRefusedByTheDatabase()
    {
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "QP20", Ct);
            db.DueDateChanges.Add(new DueDateChange(action.Id, action.DueDate, new DateOnly(2021, 11, 1), "First", null, "Test", AppFactory.Now.UtcDateTime));
            db.DueDateChanges.Add(new DueDateChange(action.Id, action.DueDate, new DateOnly(2021, 11, 2), "Second", null, "Test", AppFactory.Now.UtcDateTime));
            return await db.SaveChangesAsync(Ct);
        }));
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task Approve_AfterTheDateMovedMeanwhile_RecordsTheDateItReallyMovedFrom()
    {
        var (actionId, pendingId) = await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "QP22", Ct);
            var pending = new DueDateChange(action.Id, action.DueDate, new DateOnly(2021, 12, 31), "Lead's request", null, "Lead", AppFactory.Now.UtcDateTime);
            db.DueDateChanges.Add(pending);
            await db.SaveChangesAsync(Ct);
            // Meanwhile the Service Director moves the date themselves (applied at once).
            var direct = new DueDateChange(action.Id, action.DueDate, new DateOnly(2021, 9, 30), "Director's change", null, "Director", AppFactory.Now.UtcDateTime);
            direct.Approve(action, null, "Director", AppFactory.Now.UtcDateTime, null);
            db.DueDateChanges.Add(direct);
            await db.SaveChangesAsync(Ct);
            return (action.Id, pending.Id);
        });
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var response = await director.PostFormAsync($"/due-date-changes/{pendingId}/approve", ("comment", "Agreed"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var approved = await factory.WithDbAsync(db => db.DueDateChanges.AsNoTracking().SingleAsync(c => c.Id == pendingId, Ct));
        Assert.Equal(DueDateChangeState.Approved, approved.State);
        Assert.Equal(new DateOnly(2021, 9, 30), approved.FromDate);
        Assert.Equal(new DateOnly(2021, 12, 31), await factory.WithDbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.DueDate).SingleAsync(Ct)));
    }
}
