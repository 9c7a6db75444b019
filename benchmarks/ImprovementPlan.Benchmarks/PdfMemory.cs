using System.Diagnostics;
using System.Globalization;
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
/// Prints the seeded scrutiny report many times (two clients at once, as the renderer's two slots
/// allow) and reports the memory of the app's process and of its Chromium processes before and after.
/// The app runs in this process, so its figure includes this small harness.
/// </summary>
internal static partial class PdfMemory
{
    public static async Task RunAsync(int count)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ipt-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await using var app = new BenchmarkApp(dataDirectory);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        const string password = "a long benchmark passphrase";
        int reportId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "clerk@benchmark.invalid", Email = "clerk@benchmark.invalid", DisplayName = "Benchmark clerk", IsActive = true };
            await users.CreateAsync(user, password);
            await users.AddToRoleAsync(user, Roles.CommitteeClerk);
            reportId = await scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>().Reports
                .Where(r => r.Kind == ReportKind.ScrutinyReport).Select(r => r.Id).FirstAsync();
        }

        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        using (var signIn = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "clerk@benchmark.invalid",
            ["Password"] = password,
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        })))
        {
            if (signIn.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException("Signing in failed.");
            }
        }

        async Task PrintAsync()
        {
            using var response = await client.GetAsync(new Uri($"/reports/{reportId}/draft/pdf", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            await PrintAsync();
        }

        var before = Snapshot();
        var watch = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await PrintAsync();
            }
        }));
        var elapsed = watch.Elapsed;
        var after = Snapshot();
        Console.WriteLine($"{count} scrutiny report PDFs in {elapsed.TotalSeconds:0} s ({count / elapsed.TotalSeconds:0.0} PDFs/s, two clients).");
        Console.WriteLine("| | after 5 PDFs | after " + count.ToString("N0", CultureInfo.InvariantCulture) + " more |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| app process (working set) | {before.App / 1048576} MiB | {after.App / 1048576} MiB |");
        Console.WriteLine($"| app managed heap | {before.Managed / 1048576} MiB | {after.Managed / 1048576} MiB |");
        Console.WriteLine($"| Chromium processes (sum of RSS, {after.ChromiumProcesses} processes) | {before.Chromium / 1048576} MiB | {after.Chromium / 1048576} MiB |");
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static (long App, long Managed, long Chromium, int ChromiumProcesses) Snapshot()
    {
        // An aggressive, compacting collection hands freed segments back to the system, so the working set
        // measures what is live rather than what the collector keeps in reserve.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        long chromium = 0;
        var processes = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                // The renderer's browser and its children carry the renderer's marker switch or its profile folder.
                if (!cmdline.Contains("chromium", StringComparison.Ordinal) || !IsDescendantOf(dir, Environment.ProcessId))
                {
                    continue;
                }

                var rss = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is not null)
                {
                    chromium += long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                    processes++;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return (self.WorkingSet64, GC.GetTotalMemory(forceFullCollection: true), chromium, processes);
    }

    private static bool IsDescendantOf(string procDirectory, int ancestor)
    {
        var current = procDirectory;
        for (var depth = 0; depth < 10; depth++)
        {
            var stat = File.ReadAllText(Path.Combine(current, "stat"));
            var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            if (parent == ancestor)
            {
                return true;
            }

            if (parent <= 1)
            {
                return false;
            }

            current = $"/proc/{parent}";
        }

        return false;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
