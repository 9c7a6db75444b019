using ImprovementPlan.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>Sends through the configured SMTP server with MailKit: one connection per message, plain text with an HTML alternative.</summary>
public sealed class SmtpEmailTransport(IOptionsMonitor<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Email:Host and Email:FromAddress).");
        }

        using var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress!));
        mime.To.Add(new MailboxAddress(message.RecipientName, message.RecipientAddress));
        mime.Subject = message.Subject;
        // A stable id per message, so a mail server that sees a resend after a lost reply can drop it.
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedAtUtc:yyyyMMddHHmmss}@{MessageIdDomain(settings)}";
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var secure = settings.TlsMode switch
        {
            SmtpTlsMode.None => SecureSocketOptions.None,
            SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
            SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, secure, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static string MessageIdDomain(EmailOptions settings) =>
        settings.FromAddress is { } from && from.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? from[(at + 1)..] : "localhost";
}
