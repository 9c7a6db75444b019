using System.Net;
using AngleSharp.Dom;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.UserAdmin;

public sealed class UserAdminTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Passphrase = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_New_CreatesAUserWhoCanSignIn()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync("/admin/users/new",
            ("Email", "new.head@test.invalid"), ("DisplayName", "Nia Head"), ("JobTitle", "Head of Service, Fostering"),
            ("Roles", Roles.HeadOfService), ("Roles", Roles.Viewer), ("Password", Passphrase));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["HeadOfService", "Viewer"], (await RolesOfAsync("new.head@test.invalid")).Order(StringComparer.Ordinal));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("new.head@test.invalid", Passphrase)).StatusCode);
        var list = await admin.GetDocumentAsync("/admin/users");
        var row = list.QuerySelector("[data-testid='user-new.head@test.invalid']");
        Assert.NotNull(row);
        Assert.Contains("Head of Service, Board member or partner", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_New_WeakPassword_ShowsTheMessageByThePasswordAndCreatesNoUser()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync("/admin/users/new",
            ("Email", "weak@test.invalid"), ("DisplayName", "Weak Password"), ("Roles", Roles.Viewer), ("Password", "short"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal(["Password must be 12 characters or more"], FormPosting.Errors(page));
        Assert.Contains("Password must be 12 characters or more", page.QuerySelector("#Password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("weak@test.invalid", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);
        Assert.Equal(string.Empty, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Password")!.Value);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@test.invalid", Ct)));
    }

    [Fact]
    public async Task Post_New_MissingFieldsAndDuplicateEmail_ShowTheErrors()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var existing = await factory.CreateAsync(Roles.Viewer);

        using var empty = await admin.PostFormAsync("/admin/users/new", ("Email", "not-an-email"));
        using var duplicate = await admin.PostFormAsync("/admin/users/new",
            ("Email", existing.Email!), ("DisplayName", "Someone"), ("Roles", Roles.Viewer), ("Password", Passphrase));

        Assert.Equal(["Enter an email address in the correct format, like name@example.com", "Enter the person’s name", "Select at least one role"],
            FormPosting.Errors(await Users.ParseAsync(empty)).Order(StringComparer.Ordinal));
        Assert.Equal(["A user with this email address already exists"], FormPosting.Errors(await Users.ParseAsync(duplicate)));
    }

    [Fact]
    public async Task Post_Deactivate_StopsSignInAndReactivateRestoresIt()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var user = await factory.CreateAsync(Roles.PerformanceOfficer);
        var stamp = await StampAsync(user.Id);

        using var deactivated = await admin.PostFormAsync($"/admin/users/{user.Id}/deactivate");

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.NotEqual(stamp, await StampAsync(user.Id));
        using (var client = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(user.Email!, Users.Password)).StatusCode);
        }

        var page = await admin.GetDocumentAsync($"/admin/users/{user.Id}");
        Assert.Contains("Deactivated", page.QuerySelector("[data-testid=status]")!.TextContent, StringComparison.Ordinal);

        using var reactivated = await admin.PostFormAsync($"/admin/users/{user.Id}/reactivate");

        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        using (var client = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, Users.Password)).StatusCode);
        }
    }

    [Fact]
    public async Task Post_Edit_ChangesNameAndRolesAndRenewsTheSecurityStamp()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var user = await factory.CreateAsync(Roles.Viewer);
        var stamp = await StampAsync(user.Id);

        using var response = await admin.PostFormAsync($"/admin/users/{user.Id}",
            ("DisplayName", "Renamed Person"), ("JobTitle", "Head of Service, Safeguarding"), ("Roles", Roles.HeadOfService), ("Roles", Roles.CommitteeClerk));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["CommitteeClerk", "HeadOfService"], (await RolesOfAsync(user.Email!)).Order(StringComparer.Ordinal));
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct));
        Assert.Equal("Renamed Person", saved.DisplayName);
        Assert.Equal("Head of Service, Safeguarding", saved.JobTitle);
        Assert.NotEqual(stamp, saved.SecurityStamp);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "UserRole" && e.EntityKey!.StartsWith(user.Id) && e.Operation == "Deleted", Ct)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "UserRole" && e.EntityKey!.StartsWith(user.Id) && e.Operation == "Added", Ct)));
    }

    [Fact]
    public async Task Post_AdministratorOnThemselves_CannotDeactivateOrDropAdministrator()
    {
        var me = await factory.CreateAsync(Roles.Administrator);
        using var admin = factory.CreateClient();
        await admin.SignInAsync(me.Email!, Users.Password);

        using var deactivate = await admin.PostFormAsync($"/admin/users/{me.Id}/deactivate");
        using var demote = await admin.PostFormAsync($"/admin/users/{me.Id}", ("DisplayName", "Me"), ("Roles", Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Equal(["You cannot deactivate your own account"], FormPosting.Errors(await Users.ParseAsync(deactivate)));
        Assert.Equal(["You cannot remove your own administrator access"], FormPosting.Errors(await Users.ParseAsync(demote)));
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.IsActive).SingleAsync(Ct)));
        Assert.Equal([Roles.Administrator], await RolesOfAsync(me.Email!));
        var page = await admin.GetDocumentAsync($"/admin/users/{me.Id}");
        Assert.NotNull(page.QuerySelector("[data-testid=self-note]"));
        Assert.Null(page.QuerySelector($"form[action='/admin/users/{me.Id}/deactivate']"));
    }

    [Fact]
    public async Task Post_Leads_LinksTheUserToActionsAndPriorities()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var head = await factory.CreateAsync(Roles.HeadOfService);
        var (actionIds, priorityId) = await factory.WithDbAsync(async db => (
            await db.Actions.Where(a => a.Reference == "E48" || a.Reference == "E49").Select(a => a.Id).ToListAsync(Ct),
            await db.Priorities.Where(p => p.Number == 9).Select(p => p.Id).SingleAsync(Ct)));
        var page = await admin.GetDocumentAsync($"/admin/users/{head.Id}/leads");
        Assert.Null(page.QuerySelector("[data-testid=not-head-of-service]"));

        using var response = await admin.PostFormAsync($"/admin/users/{head.Id}/leads",
            [.. actionIds.Select(id => new KeyValuePair<string, string>("ActionIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
             new KeyValuePair<string, string>("PriorityIds", priorityId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(actionIds.Order(), await factory.WithDbAsync(db => db.Actions.Where(a => a.LeadUserId == head.Id).Select(a => a.Id).OrderBy(i => i).ToListAsync(Ct)));
        Assert.Equal(head.Id, await factory.WithDbAsync(db => db.Priorities.Where(p => p.Id == priorityId).Select(p => p.LeadUserId).SingleAsync(Ct)));
        var list = await admin.GetDocumentAsync("/admin/users");
        Assert.Contains("2 actions, 1 priority", list.QuerySelector($"[data-testid='user-{head.Email}']")!.TextContent, StringComparison.Ordinal);

        // Unticking one gives it up.
        using var fewer = await admin.PostFormAsync($"/admin/users/{head.Id}/leads",
            ("ActionIds", actionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal([actionIds[0]], await factory.WithDbAsync(db => db.Actions.Where(a => a.LeadUserId == head.Id).Select(a => a.Id).ToListAsync(Ct)));
        Assert.Null(await factory.WithDbAsync(db => db.Priorities.Where(p => p.Id == priorityId).Select(p => p.LeadUserId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Get_New_SaysAnEmptyPasswordSendsThePersonALink()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        var page = await admin.GetDocumentAsync("/admin/users/new");

        Assert.Contains("Leave the first password empty and the person gets an email with a link", page.QuerySelector("[data-testid=invitation-note]")!.TextContent,
            StringComparison.Ordinal);
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private Task<string?> StampAsync(string userId) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Ct));
}
