namespace ImprovementPlan.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox, its sender (a hosted service), the SMTP transport and job claims.</summary>
    public static IServiceCollection AddImprovementPlanEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<SenderIdentity>();
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<JobClaims>();
        services.AddHostedService<OutboxSenderService>();
        return services;
    }
}
