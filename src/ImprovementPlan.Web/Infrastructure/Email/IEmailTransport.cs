using ImprovementPlan.Domain.Notifications;

namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>Hands one message to the mail server; throws when the server refuses it or cannot be reached.</summary>
public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
