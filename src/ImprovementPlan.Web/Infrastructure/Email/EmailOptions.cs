namespace ImprovementPlan.Web.Infrastructure.Email;

/// <summary>How the app connects to the SMTP server.</summary>
public enum SmtpTlsMode
{
    /// <summary>No encryption (a relay on the same machine or network only).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS; refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>The "Email" settings section (docs/configuration.md).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "Improvement Plan Tracker";

    /// <summary>The address people open the app at, for links in emails ("https://improvement.example.gov.uk").</summary>
    public string? AppBaseUrl { get; set; }

    /// <summary>Whether this instance runs the background sender (any instance may; claims keep them apart).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for messages to send.</summary>
    public int SendIntervalSeconds { get; set; } = 30;

    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    public int FirstRetryDelaySeconds { get; set; } = 60;

    public int MaximumRetryDelaySeconds { get; set; } = 3600;

    /// <summary>How long a sender holds the messages it claimed; after this another instance may take them.</summary>
    public int ClaimSeconds { get; set; } = 300;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long a password reset link works.</summary>
    public double PasswordResetLinkHours { get; set; } = 2;

    /// <summary>How long the link sent to a new user to set their first password works.</summary>
    public double InvitationLinkDays { get; set; } = 7;

    /// <summary>Messages can be sent: an SMTP host and a from address are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(FromAddress);

    /// <summary>A link into the app: the base URL and the path, or the path alone when no base URL is set.</summary>
    public string Link(string path) =>
        string.IsNullOrWhiteSpace(AppBaseUrl) ? path : AppBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
