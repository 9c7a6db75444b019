using System.Net;
using AngleSharp.Html.Dom;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Audit;

public sealed class AuditLogTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_AuditLog_ShowsAnEditNewestFirstWithWhoAndOldAndNew()
    {
        var admin = await factory.CreateAsync(Roles.Administrator);
        using var client = factory.CreateClient();
        await client.SignInAsync(admin.Email!, Users.Password);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/E50/edit"), "/actions/E50/edit");
        var oldTimeframe = fields.Single(f => f.Key == "Timeframe").Value;
        using (var saved = await client.PostFormAsync("/actions/E50/edit", fields.With("Timeframe", "Summer 2021")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await client.GetDocumentAsync("/audit?EntityType=Action&Key=E50");

        var first = Rows(page)[0];
        Assert.Equal("Changed", first.QuerySelector("[data-testid=operation]")!.TextContent.Trim());
        Assert.Equal("Action E50", first.QuerySelector("[data-testid=record]")!.TextContent.Trim());
        Assert.Equal("Test Administrator", first.QuerySelector("[data-testid=who]")!.TextContent.Trim());
        Assert.Contains("Administrator", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 March 2021, 09:30", first.TextContent, StringComparison.Ordinal);
        var change = Assert.Single(first.QuerySelectorAll("[data-testid=changes] li"));
        Assert.Equal($"Timeframe: {oldTimeframe} → Summer 2021", Normalise(change.TextContent));
        Assert.All(Rows(page), r => Assert.Equal("Action E50", r.QuerySelector("[data-testid=record]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Get_AuditLog_LongValuesAreShortenedWithTheFullValueInDetails()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var longOutcome = string.Concat(Enumerable.Repeat("Children are safer. ", 20)).Trim();
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/E51/edit"), "/actions/E51/edit").With("Outcome", longOutcome);
        using (await client.PostFormAsync("/actions/E51/edit", fields))
        {
        }

        var page = await client.GetDocumentAsync("/audit?EntityType=Action&Key=E51&Operation=Modified");

        var change = Assert.Single(Rows(page)[0].QuerySelectorAll("[data-testid=changes] li"));
        Assert.Contains("…", change.QuerySelector(".app-audit__value:last-of-type")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(longOutcome, change.QuerySelector("details")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AuditLog_IsPagedFiftyAtATime()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var first = await client.GetDocumentAsync("/audit?EntityType=Action&Operation=Added");
        var second = await client.GetDocumentAsync("/audit?EntityType=Action&Operation=Added&Page=2");

        // The seeded plan adds 57 actions.
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal(7, Rows(second).Count);
        Assert.Contains("57 entries, page 1 of 2", first.QuerySelector("[data-testid=audit-count]")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector("[data-testid=pagination] .govuk-pagination__next a") as IHtmlAnchorElement;
        Assert.Equal("/audit?EntityType=Action&Operation=Added&Page=2", next!.GetAttribute("href"));
        Assert.All(Rows(second), r => Assert.Equal("Created", r.QuerySelector("[data-testid=operation]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Get_AuditLog_FilteredByUser_ShowsOnlyTheirEntries()
    {
        var director = await factory.CreateAsync(Roles.ServiceDirector);
        using var client = factory.CreateClient();
        await client.SignInAsync(director.Email!, Users.Password);
        var fields = FormPosting.FieldsOf(await client.GetDocumentAsync("/actions/E52/ratings"), "/actions/E52/ratings")
            .With("ImpactRag", "Amber").With("ImpactNote", "Early signs");
        using (await client.PostFormAsync("/actions/E52/ratings", fields))
        {
        }

        var page = await client.GetDocumentAsync($"/audit?User={Uri.EscapeDataString(director.Email![..12])}");

        Assert.NotEmpty(Rows(page));
        Assert.All(Rows(page), r => Assert.Equal("Test ServiceDirector", r.QuerySelector("[data-testid=who]")!.TextContent.Trim()));
        Assert.Contains(Rows(page), r => r.QuerySelector("[data-testid=record]")!.TextContent.Trim() == "Action E52"
            && Normalise(r.TextContent).Contains("Impact rating: (empty) → Amber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AuditLog_FilteredByDates_UsesUkDaysAndChecksTheDates()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        var sameDay = await client.GetDocumentAsync("/audit?From.Day=1&From.Month=3&From.Year=2021&To.Day=1&To.Month=3&To.Year=2021");
        var later = await client.GetDocumentAsync("/audit?From.Day=2&From.Month=3&From.Year=2021");
        var earlier = await client.GetDocumentAsync("/audit?To.Day=28&To.Month=2&To.Year=2021");
        var wrong = await client.GetDocumentAsync("/audit?From.Day=31&From.Month=2&From.Year=2021&To.Day=1&To.Month=1&To.Year=2021");

        Assert.NotEmpty(Rows(sameDay));
        Assert.Empty(Rows(later));
        Assert.Contains("No entries match", later.QuerySelector("[data-testid=audit-count]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Rows(earlier));
        Assert.Equal(["The start date must be a real date"], FormPosting.Errors(wrong));
    }

    [Fact]
    public async Task Get_AuditLog_ShowsRoleChangesAndDeactivationLegibly()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var user = await factory.CreateAsync(Roles.Viewer);
        using (await admin.PostFormAsync($"/admin/users/{user.Id}", ("DisplayName", "Promoted Person"), ("Roles", Roles.HeadOfService)))
        {
        }

        using (await admin.PostFormAsync($"/admin/users/{user.Id}/deactivate"))
        {
        }

        var roles = await admin.GetDocumentAsync($"/audit?EntityType=UserRole&Key={Uri.EscapeDataString(user.Email!)}");
        var users = await admin.GetDocumentAsync($"/audit?EntityType=User&Key={Uri.EscapeDataString(user.Email!)}&Operation=Modified");

        var described = Rows(roles).Select(r => $"{r.QuerySelector("[data-testid=operation]")!.TextContent.Trim()}: {r.QuerySelector("[data-testid=record]")!.TextContent.Trim()}").ToList();
        Assert.Contains($"Role added: Role of {user.Email}: Head of Service", described);
        Assert.Contains($"Role removed: Role of {user.Email}: Board member or partner", described);
        Assert.Contains($"Role added: Role of {user.Email}: Board member or partner", described);
        Assert.Contains(Rows(users), r => Normalise(r.TextContent).Contains("Is active: Yes → No", StringComparison.Ordinal));
        Assert.Contains(Rows(users), r => Normalise(r.TextContent).Contains("Name: Test Viewer → Promoted Person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AuditLog_WritesFieldsValuesPeopleAndDatesForPeople()
    {
        var lead = await factory.CreateAsync(Roles.HeadOfService);
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "E53", Ct);
            action.AssignLead(lead.Id);
            action.RecordApprovedProgress(Domain.Actions.ActionStatus.InProgress, new DateOnly(2021, 3, 1), updateHasEvidence: false);
            action.OverrideDeliveryRag(Domain.Rag.Rag.Amber, "Waiting for partners");
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        var page = await client.GetDocumentAsync("/audit?EntityType=Action&Key=E53&Operation=Modified");

        var text = Normalise(Rows(page)[0].TextContent);
        Assert.Contains($"Lead: (empty) → {lead.DisplayName}", text, StringComparison.Ordinal);
        Assert.Contains("Status: Not yet reported → In progress", text, StringComparison.Ordinal);
        Assert.Contains("Delivery rating set by the Service Director: (empty) → Amber", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DeliveryRagOverride", text, StringComparison.Ordinal);
        Assert.DoesNotContain(lead.Id, text, StringComparison.Ordinal);
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$", Rows(page)[0].QuerySelector(".app-audit__when")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_AuditLog_HidesSignInsUnlessAskedFor()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        var plain = await client.GetDocumentAsync("/audit?Operation=SignedIn");
        var asked = await client.GetDocumentAsync("/audit?Operation=SignedIn&ShowSecurityEvents=true");
        var byType = await client.GetDocumentAsync("/audit?EntityType=Security");

        Assert.Empty(Rows(plain));
        Assert.NotEmpty(Rows(asked));
        Assert.NotEmpty(Rows(byType));
        Assert.All(Rows(asked), r => Assert.Equal("Signed in", r.QuerySelector("[data-testid=operation]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_AuditLog_HasNoWriteRoute()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await client.PostFormAsync("/audit");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static List<AngleSharp.Dom.IElement> Rows(IHtmlDocument page) => [.. page.QuerySelectorAll("[data-testid=audit-row]")];

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
