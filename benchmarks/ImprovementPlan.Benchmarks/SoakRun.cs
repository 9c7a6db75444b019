using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Benchmarks;

/// <summary>
/// A soak: 50 simulated people for a fixed time at the pace people work (each a request every few
/// seconds): 35 readers move between the dashboard, the action list, actions, priorities, measures and
/// reports; 10 heads of service read their action and now and then submit an update with a small PDF;
/// the Service Director reads the approvals list and approves what is waiting; 4 clerks read reports and
/// now and then print a PDF. Reports errors, p95 latency per page, and the memory of the app's process
/// and of its Chromium processes after a warm-up and at the end. The app runs in this process.
/// </summary>
internal static partial class SoakRun
{
    private const string Password = "a long benchmark passphrase";
    private static readonly string[] ReaderPages = ["/", "/actions", "/priorities/1", "/measures", "/reports"];

    public static async Task RunAsync(string[] args)
    {
        var minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var warmUp = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ipt-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await using var app = new BenchmarkApp(dataDirectory);

        var actions = await app.WithDbAsync(db => db.Actions.OrderBy(a => a.Id).Select(a => new { a.Id, a.Reference }).Take(10).ToListAsync());
        var reportId = await app.WithDbAsync(db => db.Reports.Where(r => r.Kind == ReportKind.ScrutinyReport).Select(r => r.Id).FirstAsync());
        var readerRefs = await app.WithDbAsync(db => db.Actions.OrderBy(a => a.Id).Select(a => a.Reference).Take(40).ToListAsync());

        var people = new List<Person>();
        for (var i = 0; i < 35; i++)
        {
            people.Add(new Person($"reader{i}@soak.invalid", Roles.Viewer, Kind.Reader, null));
        }

        for (var i = 0; i < 10; i++)
        {
            people.Add(new Person($"head{i}@soak.invalid", Roles.HeadOfService, Kind.Head, actions[i].Reference));
        }

        people.Add(new Person("director@soak.invalid", Roles.ServiceDirector, Kind.Director, null));
        for (var i = 0; i < 4; i++)
        {
            people.Add(new Person($"clerk{i}@soak.invalid", Roles.CommitteeClerk, Kind.Clerk, null));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
            foreach (var person in people)
            {
                var user = new ApplicationUser { UserName = person.Email, Email = person.Email, DisplayName = person.Email, IsActive = true };
                Check((await users.CreateAsync(user, Password)).Succeeded, "creating " + person.Email);
                Check((await users.AddToRoleAsync(user, person.Role)).Succeeded, "role for " + person.Email);
                if (person.Action is { } reference)
                {
                    (await db.Actions.SingleAsync(a => a.Reference == reference)).AssignLead(user.Id);
                    await db.SaveChangesAsync();
                }
            }
        }

        var stats = new Stats();
        var clients = new List<HttpClient>();
        foreach (var person in people)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
            await SignInAsync(client, person.Email);
            clients.Add(client);
        }

        Console.Error.WriteLine($"Soak: {people.Count} people, {minutes:0.#} minutes, warm-up {warmUp.TotalSeconds:0} s.");
        var watch = Stopwatch.StartNew();
        var end = TimeSpan.FromMinutes(minutes);
        (long App, long Managed, long Chromium, int ChromiumProcesses)? atStart = null;
        var samples = new List<(TimeSpan At, (long App, long Managed, long Chromium, int ChromiumProcesses) Memory)>();
        var sampler = Task.Run(async () =>
        {
            await Task.Delay(warmUp);
            atStart = PdfMemory.Snapshot();
            stats.Reset();
            samples.Add((watch.Elapsed, atStart.Value));
            Console.Error.WriteLine($"Warm-up done at {watch.Elapsed.TotalSeconds:0} s: app {atStart.Value.App / 1048576} MiB, Chromium {atStart.Value.Chromium / 1048576} MiB.");

            // A sample a minute shows whether memory levels off (warming caches) or keeps climbing (a leak).
            while (watch.Elapsed + TimeSpan.FromSeconds(90) < end)
            {
                await Task.Delay(TimeSpan.FromMinutes(1));
                samples.Add((watch.Elapsed, PdfMemory.Snapshot()));
            }
        });

        var workers = people.Select((person, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            var client = clients[index];
            await Task.Delay(random.Next(0, 3000));
            while (watch.Elapsed < end)
            {
                try
                {
                    await ActAsync(person, client, random, stats, reportId, readerRefs);
                }
#pragma warning disable CA1031 // Every failure counts as an error of the page; the soak goes on.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    stats.Error("exception: " + exception.GetType().Name);
                }

                await Task.Delay(Pace(person.Kind, random));
            }
        })).ToList();
        await Task.WhenAll(workers);
        await sampler;
        var atEnd = PdfMemory.Snapshot();
        samples.Add((watch.Elapsed, atEnd));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var start = atStart ?? atEnd;
        Console.WriteLine($"Soak: {people.Count} people for {minutes:0.#} minutes (figures after a {warmUp.TotalSeconds:0} s warm-up). "
            + $"Machine: {Environment.ProcessorCount} cores, load average at end {LoadAverage()}.");
        Console.WriteLine();
        Console.WriteLine("| page | requests | errors | p50 | p95 | max |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (page, latencies, errors) in stats.Pages())
        {
            Console.WriteLine($"| {page} | {latencies.Count} | {errors} | {Percentile(latencies, 0.5):0} ms | {Percentile(latencies, 0.95):0} ms | {(latencies.Count == 0 ? 0 : latencies.Max()):0} ms |");
        }

        Console.WriteLine();
        Console.WriteLine($"Errors: **{stats.TotalErrors}** of {stats.TotalRequests} requests." + (stats.ErrorKinds().Length > 0 ? " " + string.Join("; ", stats.ErrorKinds()) : ""));
        Console.WriteLine($"Updates submitted: {stats.Count("updates submitted")}, approved: {stats.Count("updates approved")}, PDFs printed: {stats.Count("pdfs")}.");
        Console.WriteLine();
        Console.WriteLine("| memory | after warm-up | at end | growth |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| app process (working set, includes this harness) | {start.App / 1048576} MiB | {atEnd.App / 1048576} MiB | {Growth(start.App, atEnd.App)} |");
        Console.WriteLine($"| app managed heap (live objects after a full collection) | {start.Managed / 1048576} MiB | {atEnd.Managed / 1048576} MiB | {Growth(start.Managed, atEnd.Managed)} |");
        Console.WriteLine($"| Chromium processes (sum of RSS; {start.ChromiumProcesses} then {atEnd.ChromiumProcesses} processes) | {start.Chromium / 1048576} MiB | {atEnd.Chromium / 1048576} MiB | {Growth(start.Chromium, atEnd.Chromium)} |");
        Console.WriteLine();
        Console.WriteLine("| minute | app working set | app managed heap | Chromium |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (at, memory) in samples)
        {
            Console.WriteLine($"| {at.TotalMinutes:0.0} | {memory.App / 1048576} MiB | {memory.Managed / 1048576} MiB | {memory.Chromium / 1048576} MiB |");
        }

        SqliteCleanup(dataDirectory);
    }

    private enum Kind
    {
        Reader,
        Head,
        Director,
        Clerk,
    }

    private sealed record Person(string Email, string Role, Kind Kind, string? Action);

    /// <summary>The pause between one person's requests: a reader every 2–4 s, a head of service 3–7 s, the director 4–6 s, a clerk 5–10 s.</summary>
    private static TimeSpan Pace(Kind kind, Random random) => TimeSpan.FromMilliseconds(kind switch
    {
        Kind.Reader => random.Next(2000, 4000),
        Kind.Head => random.Next(3000, 7000),
        Kind.Director => random.Next(4000, 6000),
        _ => random.Next(5000, 10000),
    });

    private static async Task ActAsync(Person person, HttpClient client, Random random, Stats stats, int reportId, List<string> readerRefs)
    {
        switch (person.Kind)
        {
            case Kind.Reader:
                var page = random.Next(6) == 0 ? "/actions/{reference}" : ReaderPages[random.Next(ReaderPages.Length)];
                await GetAsync(client, stats, page, page.Replace("{reference}", readerRefs[random.Next(readerRefs.Count)], StringComparison.Ordinal));
                break;
            case Kind.Head when random.Next(5) == 0:
                await SubmitUpdateAsync(client, stats, person.Action!);
                break;
            case Kind.Head:
                await GetAsync(client, stats, "/actions/{reference}", "/actions/" + person.Action);
                break;
            case Kind.Director:
                await ApproveNextAsync(client, stats);
                break;
            case Kind.Clerk when random.Next(6) == 0:
                await GetAsync(client, stats, "/reports/{id}/draft/pdf", $"/reports/{reportId}/draft/pdf");
                stats.Add("pdfs");
                break;
            case Kind.Clerk:
                await GetAsync(client, stats, "/reports/{id}", $"/reports/{reportId}");
                break;
        }
    }

    private static async Task<string?> GetAsync(HttpClient client, Stats stats, string name, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        stats.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode == HttpStatusCode.OK ? null : $"{name} {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK ? body : null;
    }

    private static async Task SubmitUpdateAsync(HttpClient client, Stats stats, string reference)
    {
        var form = await GetAsync(client, stats, "/actions/{reference}/updates/new", $"/actions/{reference}/updates/new");
        if (form is null)
        {
            return;
        }

        // One pending update per action at a time: a head whose last update still waits writes none.
        if (!form.Contains("name=\"FormKey\"", StringComparison.Ordinal))
        {
            return;
        }

        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Hidden(form, "update-form"))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent("Soak: we audited a further ten case files this week."), "Narrative");
        content.Add(new StringContent("Report to the board."), "NextSteps");
        content.Add(new StringContent(""), "ImpactEvidence");
        content.Add(new StringContent("NoChange"), "DeliveryRag");
        content.Add(new StringContent("NoChange"), "ImpactRag");
        content.Add(new StringContent("NoChange"), "Status");
        content.Add(new StringContent("Submit"), "Intent");
        var file = new ByteArrayContent(SmallPdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Files", "audit.pdf");
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri($"/actions/{reference}/updates/new", UriKind.Relative), content);
        var ok = response.StatusCode == HttpStatusCode.Redirect;
        if (!ok && response.StatusCode == HttpStatusCode.OK)
        {
            // Shown again with a message (an update already waiting for a decision): not an error of the service.
            stats.Record("POST /actions/{reference}/updates/new", Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
            return;
        }

        stats.Record("POST /actions/{reference}/updates/new", Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok ? null : $"update {(int)response.StatusCode}");
        if (ok)
        {
            stats.Add("updates submitted");
        }
    }

    private static async Task ApproveNextAsync(HttpClient client, Stats stats)
    {
        var list = await GetAsync(client, stats, "/approvals", "/approvals");
        var match = list is null ? Match.Empty : UpdateLink().Match(list);
        if (!match.Success)
        {
            return;
        }

        var id = match.Groups[1].Value;
        var page = await GetAsync(client, stats, "/updates/{id}", $"/updates/{id}");
        if (page is null || !page.Contains("data-testid=\"decision-form\"", StringComparison.Ordinal))
        {
            return;
        }

        var fields = Hidden(page, "decision-form").Append(KeyValuePair.Create("Comment", "Approved in the soak run.")).ToList();
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri($"/updates/{id}/approve", UriKind.Relative), new FormUrlEncodedContent(fields));
        var ok = response.StatusCode == HttpStatusCode.Redirect;
        stats.Record("POST /updates/{id}/approve", Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok ? null : $"approve {(int)response.StatusCode}");
        if (ok)
        {
            stats.Add("updates approved");
        }
    }

    /// <summary>The hidden inputs of the form with the given data-testid.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Hidden(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            yield break;
        }

        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        foreach (Match input in InputTag().Matches(html[start..end]))
        {
            var tag = input.Value;
            if (tag.Contains("type=\"hidden\"", StringComparison.Ordinal) && Attribute("name").Match(tag) is { Success: true } name)
            {
                yield return KeyValuePair.Create(WebUtility.HtmlDecode(name.Groups[1].Value), WebUtility.HtmlDecode(Attribute("value").Match(tag).Groups[1].Value));
            }
        }
    }

    private static byte[] SmallPdf()
    {
        var bytes = new byte[8 * 1024];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        for (var i = 9; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        Check(response.StatusCode == HttpStatusCode.Redirect, "signing in " + email);
    }

    private static string Growth(long from, long to) => from == 0 ? "n/a" : $"{(to - from) * 100.0 / from:+0.0;-0.0}%";

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static void SqliteCleanup(string dataDirectory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Soak set-up failed: " + what);
        }
    }

    private static async Task<T> WithDbAsync<T>(this BenchmarkApp app, Func<ImprovementPlanDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>());
    }

    /// <summary>Latencies and errors per page, thread-safe; reset after the warm-up so the figures are the steady state's.</summary>
    private sealed class Stats
    {
        private readonly Lock _lock = new();
        private Dictionary<string, (List<double> Latencies, int Errors)> _pages = new(StringComparer.Ordinal);
        private Dictionary<string, int> _errors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int TotalErrors { get { lock (_lock) { return _pages.Values.Sum(p => p.Errors) + _errors.Where(e => e.Key.StartsWith("exception", StringComparison.Ordinal)).Sum(e => e.Value); } } }

        public int TotalRequests { get { lock (_lock) { return _pages.Values.Sum(p => p.Latencies.Count); } } }

        public void Record(string page, double ms, string? error)
        {
            lock (_lock)
            {
                var entry = _pages.TryGetValue(page, out var e) ? e : ([], 0);
                entry.Latencies.Add(ms);
                if (error is not null)
                {
                    entry.Errors++;
                    _errors[error] = _errors.GetValueOrDefault(error) + 1;
                }

                _pages[page] = entry;
            }
        }

        public void Error(string what)
        {
            lock (_lock)
            {
                _errors[what] = _errors.GetValueOrDefault(what) + 1;
            }
        }

        public void Add(string what)
        {
            lock (_lock)
            {
                _counts[what] = _counts.GetValueOrDefault(what) + 1;
            }
        }

        public int Count(string what)
        {
            lock (_lock)
            {
                return _counts.GetValueOrDefault(what);
            }
        }

        public void Reset()
        {
            lock (_lock)
            {
                _pages = new(StringComparer.Ordinal);
                _errors = new(StringComparer.Ordinal);
            }
        }

        public string[] ErrorKinds()
        {
            lock (_lock)
            {
                return [.. _errors.Select(e => $"{e.Key}: {e.Value}")];
            }
        }

        public IEnumerable<(string Page, List<double> Latencies, int Errors)> Pages()
        {
            lock (_lock)
            {
                return [.. _pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Latencies.ToList(), p.Value.Errors))];
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"/updates/(\\d+)\"")]
    private static partial Regex UpdateLink();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    private static Regex Attribute(string name) => new($"\\s{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant);
}
