using System.Text.RegularExpressions;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

public static partial class MailTestSupport
{
    /// <summary>Runs the outbox dispatcher until a round sends nothing, as the background sender would; returns how many were sent.</summary>
    public static async Task<int> SendOutboxAsync(this Infrastructure.AppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var total = 0;
        int sent;
        do
        {
            await using var scope = factory.Scope();
            sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(TestContext.Current.CancellationToken);
            total += sent;
        }
        while (sent > 0);
        return total;
    }

    /// <summary>The app-relative address of the first link to the app in a message's plain text.</summary>
    public static string LinkIn(MimeMessage message, string pathStart)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = AppLink().Matches(message.TextBody ?? string.Empty).Select(m => m.Groups["path"].Value).FirstOrDefault(p => p.StartsWith(pathStart, StringComparison.Ordinal));
        Assert.NotNull(match);
        return match;
    }

    [GeneratedRegex(@"https://tracker\.test(?<path>/\S+)")]
    private static partial Regex AppLink();
}
