using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.ActionEditing;

/// <summary>Role × route for editing the plan, ratings, due-date decisions, users and the audit log.</summary>
public sealed class PlanEditingAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static readonly string[] ReadOnlyRoles = [Roles.Viewer, Roles.CommitteeClerk, Roles.PerformanceOfficer, Roles.HeadOfService];

    /// <summary>Pages only the plan's editors, the Service Director or administrators may open.</summary>
    public static readonly string[] RestrictedPages =
        ["/actions/QP21/edit", "/actions/new", "/actions/QP21/ratings", "/admin/users", "/admin/users/new", "/audit", "/due-date-changes"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> RolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in ReadOnlyRoles)
        {
            foreach (var page in RestrictedPages)
            {
                data.Add(role, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndPages))]
    public async Task Get_RestrictedPage_WithoutPermission_ReturnsForbidden(string role, string path)
    {
        using var client = await factory.SignedInClientAsync(role);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ReadOnlyRoleNames))]
    public async Task Post_EveryWrite_WithoutPermission_ReturnsForbiddenAndChangesNothing(string role)
    {
        using var client = await factory.SignedInClientAsync(role);
        var target = await factory.CreateAsync(Roles.Viewer);
        var changeId = await PendingChangeAsync();
        var before = await SnapshotAsync();

        var posts = new (string Path, (string, string)[] Fields)[]
        {
            ("/actions/QP21/edit", [("ActionText", "Tampered"), ("WorkstreamId", "1"), ("Version", "1")]),
            ("/actions/new", [("Reference", "ZZ99"), ("ActionText", "Tampered"), ("WorkstreamId", "1"), ("DueDate.Day", "1"), ("DueDate.Month", "1"), ("DueDate.Year", "2022")]),
            ("/actions/QP21/ratings", [("DeliveryOverride", "Red"), ("OverrideReason", "Tampered"), ("Version", "1")]),
            ($"/due-date-changes/{changeId}/approve", []),
            ($"/due-date-changes/{changeId}/reject", [("comment", "No")]),
            ("/admin/users/new", [("Email", "tampered@test.invalid"), ("DisplayName", "Tampered"), ("Roles", Roles.Administrator), ("Password", "a long enough password")]),
            ($"/admin/users/{target.Id}", [("DisplayName", "Tampered"), ("Roles", Roles.Administrator)]),
            ($"/admin/users/{target.Id}/deactivate", []),
            ($"/admin/users/{target.Id}/leads", [("ActionIds", "1")]),
        };
        foreach (var (path, fields) in posts)
        {
            using var response = await client.PostFormAsync(path, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} posting to {path} got {response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Get_Ratings_AsAdministrator_ReturnsForbidden()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await client.GetAsync(new Uri("/actions/QP21/ratings", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_UsersPages_AsServiceDirector_ReturnsForbidden()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var list = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Ct);
        using var create = await client.GetAsync(new Uri("/admin/users/new", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ServiceDirector)]
    public async Task Get_EditAndAudit_AsPlanEditor_Succeeds(string role)
    {
        using var client = await factory.SignedInClientAsync(role);

        await client.GetDocumentAsync("/actions/QP21/edit");
        await client.GetDocumentAsync("/actions/new");
        await client.GetDocumentAsync("/audit");
    }

    public static TheoryData<string> ReadOnlyRoleNames() => [.. ReadOnlyRoles];

    private async Task<int> PendingChangeAsync() => await factory.WithDbAsync(async db =>
    {
        var action = await db.Actions.SingleAsync(a => a.Reference == "QP22", Ct);
        // One request per action may wait (a unique index): each role's run reuses it.
        var waiting = await db.DueDateChanges.Where(c => c.ActionId == action.Id && c.State == Domain.Actions.DueDateChangeState.Pending)
            .Select(c => (int?)c.Id).SingleOrDefaultAsync(Ct);
        if (waiting is { } id)
        {
            return id;
        }

        var change = new Domain.Actions.DueDateChange(action.Id, action.DueDate, new DateOnly(2022, 1, 31), "Arranged for the test", null,
            "Test", AppFactory.Now.UtcDateTime);
        db.DueDateChanges.Add(change);
        await db.SaveChangesAsync(Ct);
        return change.Id;
    });

    private Task<string> SnapshotAsync() => factory.WithDbAsync(async db =>
    {
        var qp21 = await db.Actions.AsNoTracking().SingleAsync(a => a.Reference == "QP21", Ct);
        var qp22 = await db.Actions.AsNoTracking().SingleAsync(a => a.Reference == "QP22", Ct);
        var decided = await db.DueDateChanges.CountAsync(c => c.State != Domain.Actions.DueDateChangeState.Pending, Ct);
        var users = await db.Users.AsNoTracking().Select(u => $"{u.Email}:{u.DisplayName}:{u.IsActive}").ToListAsync(Ct);
        var roles = await db.UserRoles.CountAsync(Ct);
        var led = await db.Actions.CountAsync(a => a.LeadUserId != null, Ct);
        return string.Join("|", qp21.Version, qp21.ActionText, qp21.DeliveryRagOverride, qp22.DueDate, await db.Actions.CountAsync(Ct), decided,
            string.Join(",", users.Order(StringComparer.Ordinal)), roles, led);
    });
}
