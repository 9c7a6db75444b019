using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ImprovementPlan.Benchmarks;

/// <summary>
/// A small closed-loop load generator for two running copies of the app (the seeded database and the
/// large one): signs in on both, warms every page up, reads each page's SQL command count from the
/// X-Sql-Commands header (Diagnostics:CountSqlCommands=true), then alternates the pages between the
/// two copies for a fixed time per run and prints requests per second, the ratios and the p50.
/// Every loop is bounded by a deadline and a request cap; it talks to the given (loopback) URLs only.
/// </summary>
internal static partial class LoadRunner
{
    public static readonly string[] Pages = ["/", "/actions", "/priorities/1", "/actions/LG1", "/accessibility"];

    public sealed record Options(Uri Seeded, Uri Large, double Seconds, int Rounds, int Concurrency, string Email, string Password);

    private sealed record Run(double RequestsPerSecond, double P50Ms, int Errors);

    public static async Task RunAsync(Options options)
    {
        using var seeded = await SignedInClientAsync(options.Seeded, options);
        using var large = await SignedInClientAsync(options.Large, options);
        var clients = new[] { ("seeded", seeded), ("large", large) };

        var sqlCounts = new Dictionary<(string, string), string>();
        foreach (var page in Pages)
        {
            foreach (var (name, client) in clients)
            {
                for (var i = 0; i < 20; i++)
                {
                    using var warm = await client.GetAsync(new Uri(page, UriKind.Relative));
                    Check(warm.StatusCode == HttpStatusCode.OK, $"{name} {page} answered {(int)warm.StatusCode}");
                    sqlCounts[(name, page)] = warm.Headers.TryGetValues("X-Sql-Commands", out var values) ? values.First() : "n/a";
                }
            }
        }

        var runs = new Dictionary<(string, string), List<Run>>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var page in Pages)
            {
                // Alternate which copy goes first, so a slow patch of the shared machine hits both alike.
                var order = round % 2 == 1 ? clients : [.. clients.Reverse()];
                foreach (var (name, client) in order)
                {
                    var run = await MeasureAsync(client, page, options.Seconds, options.Concurrency);
                    (runs.TryGetValue((name, page), out var list) ? list : runs[(name, page)] = []).Add(run);
                }
            }

            Console.Error.WriteLine($"Round {round}/{options.Rounds} done.");
        }

        Console.WriteLine($"{options.Rounds} rounds of {options.Seconds:0.#} s per page and database, {options.Concurrency} connections; median of the rounds.");
        Console.WriteLine();
        Console.WriteLine("| page | seeded req/s | seeded p50 | large req/s | large p50 | large ÷ seeded | SQL commands (seeded / large) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var medians = new Dictionary<(string, string), double>();
        foreach (var page in Pages)
        {
            var s = runs[("seeded", page)];
            var l = runs[("large", page)];
            var sRate = Median(s.Select(r => r.RequestsPerSecond));
            var lRate = Median(l.Select(r => r.RequestsPerSecond));
            medians[("seeded", page)] = sRate;
            medians[("large", page)] = lRate;
            var errors = s.Sum(r => r.Errors) + l.Sum(r => r.Errors);
            Console.WriteLine($"| `{page}` | {sRate:0.0} | {Median(s.Select(r => r.P50Ms)):0.0} ms | {lRate:0.0} | {Median(l.Select(r => r.P50Ms)):0.0} ms | "
                + $"**{lRate / sRate:0.00}** | {sqlCounts[("seeded", page)]} / {sqlCounts[("large", page)]} |" + (errors > 0 ? $" ({errors} errors)" : ""));
        }

        Console.WriteLine();
        foreach (var name in new[] { "seeded", "large" })
        {
            Console.WriteLine($"Dashboard ÷ /accessibility ({name} database): **{medians[(name, "/")] / medians[(name, "/accessibility")]:0.00}**");
        }
    }

    private static async Task<Run> MeasureAsync(HttpClient client, string page, double seconds, int concurrency)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        const int cap = 200_000;
        var issued = 0;
        var errors = 0;
        var latencies = new List<double>[concurrency];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref issued) <= cap)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(page, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new Run(all.Count / elapsed, all.Count == 0 ? 0 : Median(all), errors);
    }

    private static async Task<HttpClient> SignedInClientAsync(Uri baseAddress, Options options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            MaxConnectionsPerServer = Math.Max(1, options.Concurrency),
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = options.Email,
            ["Password"] = options.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Check(response.StatusCode == HttpStatusCode.Redirect, $"Signing in at {baseAddress} answered {(int)response.StatusCode}");
        return client;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        return new Options(
            new Uri(Value("--seeded", "http://127.0.0.1:5101")),
            new Uri(Value("--large", "http://127.0.0.1:5102")),
            double.Parse(Value("--seconds", "5"), CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds", "3"), CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency", "4"), CultureInfo.InvariantCulture),
            Value("--email", "director@demo.test"),
            Value("--password", "Demo-Tracker-2026"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
