using System.Net;
using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure.Email;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

/// <summary>The outbox and its sender against a real SMTP server: delivery, racing senders, refusals and retries.</summary>
public sealed class OutboxTests(MailAppFactory factory) : IClassFixture<MailAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<long>> WriteAsync(int count, string prefix)
    {
        await using var scope = factory.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var messages = Enumerable.Range(1, count).Select(i => outbox.Add(null, null, $"{prefix}{i}@council.test", $"Person {i}", $"Subject {prefix} {i}",
            new EmailContent("Hello").Paragraph("A test message."), $"test:{prefix}")!).ToList();
        await scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>().SaveChangesAsync(Ct);
        return [.. messages.Select(m => m.Id)];
    }

    private Task<OutboxMessage> MessageAsync(long id) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct));

    [Fact]
    public async Task SendDue_MessageInOutbox_ArrivesWithPlainTextAndHtml()
    {
        var id = (await WriteAsync(1, "arrive")).Single();

        await factory.SendOutboxAsync();

        var message = Assert.Single(factory.Smtp.To("arrive1@council.test"));
        Assert.Equal("Subject arrive 1", message.Subject);
        Assert.Contains("A test message.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p style=", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en-GB\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(OutboxState.Sent, (await MessageAsync(id)).State);
    }

    [Fact]
    public async Task SendDue_RunAgain_DoesNotSendTwice()
    {
        await WriteAsync(2, "once");

        await factory.SendOutboxAsync();
        await factory.SendOutboxAsync();

        Assert.Single(factory.Smtp.To("once1@council.test"));
        Assert.Single(factory.Smtp.To("once2@council.test"));
    }

    [Fact]
    public async Task Add_SameEventAndRecipientTwice_TheDatabaseRefusesTheSecond()
    {
        await WriteAsync(1, "unique");

        await Assert.ThrowsAsync<DbUpdateException>(() => WriteAsync(1, "unique"));

        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.EventKey == "test:unique", Ct)));
    }

    [Fact]
    public async Task TwoSendersRacing_OnOneOutbox_DeliverEachMessageOnce()
    {
        var ids = await WriteAsync(40, "race");

        // Two senders, each with its own scope and connection, as two app instances would have.
        await Task.WhenAll(factory.SendOutboxAsync(), factory.SendOutboxAsync(), factory.SendOutboxAsync());

        for (var i = 1; i <= 40; i++)
        {
            Assert.Single(factory.Smtp.To($"race{i}@council.test"));
        }

        var states = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(Ct));
        Assert.All(states, m => Assert.Equal((OutboxState.Sent, 1), (m.State, m.Attempts)));
    }

    [Fact]
    public async Task ServerRefusesRecipient_MessageIsRetriedLaterAndThenDelivered()
    {
        var id = (await WriteAsync(1, "refused")).Single();
        factory.Smtp.Refuse = address => address.StartsWith("refused", StringComparison.Ordinal);

        await factory.SendOutboxAsync();

        var failedOnce = await MessageAsync(id);
        Assert.Equal((OutboxState.Pending, 1), (failedOnce.State, failedOnce.Attempts));
        Assert.NotNull(failedOnce.LastError);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), failedOnce.NextAttemptAtUtc, TimeSpan.FromSeconds(1));
        Assert.Empty(factory.Smtp.To("refused1@council.test"));

        // Not due yet: nothing happens until the backoff has passed.
        factory.Smtp.Refuse = _ => false;
        await factory.SendOutboxAsync();
        Assert.Equal(1, (await MessageAsync(id)).Attempts);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await factory.SendOutboxAsync();

        Assert.Single(factory.Smtp.To("refused1@council.test"));
        Assert.Equal((OutboxState.Sent, 2), ((await MessageAsync(id)).State, (await MessageAsync(id)).Attempts));
    }

    [Fact]
    public async Task ServerRefusesEveryAttempt_MessageIsMarkedFailed_AndAnAdministratorCanRetryIt()
    {
        var id = (await WriteAsync(1, "hopeless")).Single();
        factory.Smtp.Refuse = address => address.StartsWith("hopeless", StringComparison.Ordinal);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await factory.SendOutboxAsync();
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal((OutboxState.Failed, 3), ((await MessageAsync(id)).State, (await MessageAsync(id)).Attempts));
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var failedPage = await admin.GetDocumentAsync("/admin/outbox?show=failed");
        Assert.Contains(failedPage.QuerySelectorAll("[data-testid=outbox-row]"), row => row.TextContent.Contains("hopeless1@council.test", StringComparison.Ordinal));

        using var retried = await admin.PostFormAsync($"/admin/outbox/{id}/retry");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        factory.Smtp.Refuse = _ => false;
        await factory.SendOutboxAsync();

        Assert.Single(factory.Smtp.To("hopeless1@council.test"));
        Assert.Equal(OutboxState.Sent, (await MessageAsync(id)).State);
    }

    [Fact]
    public async Task Post_RetryOfAMessageThatHasNotFailed_ReturnsNotFound()
    {
        var id = (await WriteAsync(1, "notfailed")).Single();
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync($"/admin/outbox/{id}/retry");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Without an SMTP server configured, emails wait and administrators are told.</summary>
public sealed class EmailNotSetUpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_OutboxAndUsers_WithoutSmtp_SayEmailIsNotSetUp_AndMessagesWait()
    {
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var user = await factory.CreateAsync(Roles.Viewer);
        using var sent = await admin.PostFormAsync($"/admin/users/{user.Id}/send-reset-link");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        Assert.Equal(0, await factory.SendOutboxAsync());

        var outbox = await admin.GetDocumentAsync("/admin/outbox");
        Assert.NotNull(outbox.QuerySelector("[data-testid=email-not-set-up]"));
        Assert.Contains(outbox.QuerySelectorAll("[data-testid=outbox-row]"), row => row.TextContent.Contains(user.Email!, StringComparison.Ordinal));
        var users = await admin.GetDocumentAsync("/admin/users");
        Assert.NotNull(users.QuerySelector("[data-testid=email-not-set-up]"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientAddress == user.Email && m.SentAtUtc == null, Ct)));
    }
}
