using System.Net;
using System.Text;
using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Tests.Features.Evidence;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>
/// A post whose form cannot be read (a NUL byte, a body over the limit) gets a page that says what to do,
/// with a 400 or 413 status, and is not mistaken for a forged request.
/// </summary>
public sealed class UnreadableFormTests(SmallUploadsFactory factory) : IClassFixture<SmallUploadsFactory>
{
    private Task<int> AntiforgeryRejectionsAsync() =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Operation == SecurityEvents.AntiforgeryRejected, Ct));

    [Fact]
    public async Task Post_UrlEncodedFieldWithANulByte_Returns400WithAMessage_AndIsNotAnAntiforgeryRejection()
    {
        var (_, client) = await factory.LeadOfActionAsync("E48");
        var token = await client.AntiforgeryTokenAsync("/");
        var before = await AntiforgeryRejectionsAsync();
        var updates = await factory.UpdateCountAsync();
        using var content = new StringContent($"Narrative=x%00y&Intent=Draft&__RequestVerificationToken={Uri.EscapeDataString(token)}",
            Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/actions/E48/updates/new", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal("The form could not be read", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("/actions/E48/updates/new", page.QuerySelector("[data-testid=back-to-form]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(before, await AntiforgeryRejectionsAsync());
        Assert.Equal(updates, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_MultipartFieldWithANulByte_Returns400WithAMessage()
    {
        var (_, client) = await factory.LeadOfActionAsync("E49");
        var before = await AntiforgeryRejectionsAsync();
        var fields = Fields();
        fields["Narrative"] = "x\0y";

        using var response = await client.PostFormAsync("/actions/E49/updates/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal("The form could not be read", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(before, await AntiforgeryRejectionsAsync());
    }

    [Fact]
    public async Task Post_BodyOverTheUploadLimit_Returns413SayingHowManyFilesAndHowLarge()
    {
        var (_, client) = await factory.LeadOfActionAsync("E50");
        var before = await AntiforgeryRejectionsAsync();
        var updates = await factory.UpdateCountAsync();
        // Over the upload route's whole-request limit: 5 files at the limit plus 1 MB of form.
        var file = Pdf((5 * SmallUploadsFactory.Limit) + (1024 * 1024) + 1);

        using var response = await client.PostFormAsync("/actions/E50/updates/new", Fields(), ("huge.pdf", file));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal("What you sent is too large", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.QuerySelector("[data-testid=form-problem]")!.TextContent;
        Assert.Contains("Select up to 5 files at a time", text, StringComparison.Ordinal);
        Assert.Contains("smaller than 1 KB", text, StringComparison.Ordinal);
        Assert.Contains("/actions/E50/updates/new", page.QuerySelector("[data-testid=back-to-form]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(before, await AntiforgeryRejectionsAsync());
        Assert.Equal(updates, await factory.UpdateCountAsync());
    }

    [Fact]
    public async Task Post_WithoutAToken_IsStillAnAntiforgeryRejection()
    {
        var (_, client) = await factory.LeadOfActionAsync("E51");
        var before = await AntiforgeryRejectionsAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Narrative"] = "x" });

        using var response = await client.PostAsync(new Uri("/actions/E51/updates/new", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before + 1, await AntiforgeryRejectionsAsync());
    }
}
