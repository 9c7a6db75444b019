using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ImprovementPlan.Web.Tests.Features.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free local port: it keeps every message it
/// accepts, and refuses recipients while <see cref="Refuse"/> says so (a 550 at RCPT TO).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((_, _) => true, (_, to, _) => !Refuse(to.User + "@" + to.Host)));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Recipients the server refuses; nobody by default.</summary>
    public Func<string, bool> Refuse { get; set; } = _ => false;

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>The app with its Email settings pointing at a test SMTP server; the background sender and jobs are off so tests drive them.</summary>
public class MailAppFactory : Infrastructure.AppFactory
{
    public const string BaseUrl = "https://tracker.test";

    public TestSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:TlsMode"] = "None",
        ["Email:FromAddress"] = "tracker@council.test",
        ["Email:AppBaseUrl"] = BaseUrl,
        ["Email:SenderEnabled"] = "false",
        ["Email:MaxAttempts"] = "3",
        ["Email:FirstRetryDelaySeconds"] = "60",
        ["Notifications:JobsEnabled"] = "false",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
