namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>
/// Another instance of the app on the data folder (and so the SQLite database file) of an app already
/// started, as a second server behind a load balancer is; or a later start of the same installation
/// with other settings. Its own temporary folder stays empty.
/// </summary>
public sealed class SharedDataFactory(string dataDirectory, IDictionary<string, string?>? settings = null) : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["Storage:DataDirectory"] = dataDirectory,
    };
}
