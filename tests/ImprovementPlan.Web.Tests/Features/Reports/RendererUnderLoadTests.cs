using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Reports;
using ImprovementPlan.Web.Tests.Infrastructure;
using ImprovementPlan.Web.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>The app with one render slot and no queue: a second PDF asked for while one prints is turned away.</summary>
public sealed class OneSlotAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pdf:MaxConcurrentRenders"] = "1",
        ["Pdf:QueueWaitSeconds"] = "0",
    };
}

/// <summary>
/// The app with a queue long enough that no request is turned away (429) however slow the machine is:
/// the test below is about surviving a browser killed mid-render, not about the queue's bound.
/// </summary>
public sealed class PatientQueueAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pdf:MaxConcurrentRenders"] = "2",
        ["Pdf:QueueWaitSeconds"] = "300",
    };
}

/// <summary>The PDF routes while several people print at once, and while the browser dies under them.</summary>
public sealed class RendererUnderLoadTests(PatientQueueAppFactory factory) : IClassFixture<PatientQueueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPdf_BrowserKilledWhileRequestsAreInFlight_EveryRequestStillGetsItsPdf()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();
        var renderer = factory.Services.GetRequiredService<ChromiumPdfRenderer>();
        var launchesBefore = renderer.Launches;

        var requests = Enumerable.Range(0, 6)
            .Select(_ => clerk.GetAsync(new Uri($"/reports/{id}/draft/pdf", UriKind.Relative), Ct)).ToList();
        while (renderer.Launches == launchesBefore && !requests.All(r => r.IsCompleted))
        {
            await Task.Delay(20, Ct);
        }

        await Task.Delay(300, Ct);
        var killed = BrowserProcesses.Kill(renderer.InstanceMarker);
        var unfinishedAtKill = requests.Count(r => !r.IsCompleted);
        var responses = await Task.WhenAll(requests);

        Assert.True(killed > 0, "No browser process carrying the renderer's marker was found.");
        Assert.True(unfinishedAtKill > 0, "Every request had finished before the browser was killed, so this proved nothing.");
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.Contains("Contacts progressed within one working day was 69% in November 2020", ReportTestSupport.Text(pdf), StringComparison.Ordinal);
            response.Dispose();
        }

        Assert.True(renderer.Launches > launchesBefore + 1, "The browser was not relaunched after it was killed.");
        Assert.True(renderer.Status.IsAvailable);
    }
}

public sealed class RendererBusyTests(OneSlotAppFactory factory) : IClassFixture<OneSlotAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPdf_EverySlotBusy_Answers429WithRetryAfterAndAWayToReadTheReport_ThenPrintsWhenFree()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => clerk.GetAsync(new Uri($"/reports/{id}/draft/pdf", UriKind.Relative), Ct)));

        var printed = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(printed);
        Assert.NotEmpty(refused);
        Assert.Equal(responses.Length, printed.Count + refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            var page = await Users.ParseAsync(response);
            Assert.Equal("Too many PDFs are being printed", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector($"a[href='/reports/{id}']"));
        }

        using var later = await clerk.GetAsync(new Uri($"/reports/{id}/draft/pdf", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal("application/pdf", later.Content.Headers.ContentType?.MediaType);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
