using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Reports;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Benchmarks;

// Benchmarks (see docs/benchmarks.md). Not tests: they print figures.
// Usage: dotnet run -c Release --project benchmarks/ImprovementPlan.Benchmarks -- [runs]      PDF render times
//        ... -- pdf-memory [count]                                                         memory after many PDFs
//        ... -- generate <data-directory>                                                  build the large database
//        ... -- load --seeded URL --large URL [--seconds 5 --rounds 3 --concurrency 4]      alternate pages on two running apps
//        ... -- measures [seconds]                                                         the measures pages, 500 measures vs seeded
//        ... -- import [runs]                                                              the DfE import of the shipped referrals file
//        ... -- soak [minutes] [warm-up seconds]                                            50 people working for 10 minutes: errors, p95, memory
internal static class RenderBenchmark
{
    public static async Task Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate":
                await ScaleDataGenerator.RunAsync(Path.GetFullPath(args[1]), new ScaleDataGenerator.Shape());
                return;
            case "load":
                await LoadRunner.RunAsync(LoadRunner.Parse(args));
                return;
            case "pdf-memory":
                await PdfMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
                return;
            case "measures":
                await MeasuresBenchmark.RunAsync(args[1..]);
                return;
            case "import":
                await ImportBenchmark.RunAsync(args[1..]);
                return;
            case "soak":
                await SoakRun.RunAsync(args[1..]);
                return;
            default:
                break;
        }

        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var chromium = Environment.GetEnvironmentVariable("Pdf__ChromiumPath") ?? "/usr/bin/chromium";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ipt-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        await using var app = new BenchmarkApp(dataDirectory);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        await SignInAsClerkAsync(app, client);

        var reports = new List<(string Name, int Id)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
            reports.Add(("Scrutiny Committee report (17 March 2021)", await db.Reports.Where(r => r.Kind == ReportKind.ScrutinyReport).Select(r => r.Id).FirstAsync()));
        }

        foreach (var (kind, name) in new[] { (ReportKind.BoardProgressReport, "Improvement Board progress report"), (ReportKind.CsipReviewPack, "CSIP review pack"), (ReportKind.FullActionPlan, "Full action plan (landscape)") })
        {
            reports.Add((name, await CreateReportAsync(client, kind)));
        }

        // Warm the browser once: the figures below are for a warm browser, as the app runs.
        await GetPdfAsync(client, reports[0].Id);

        Console.WriteLine($"Runs per report: {runs} (median shown). Machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}.");
        Console.WriteLine();
        Console.WriteLine("| report | pages | size | median render (GET …/draft/pdf) | min | max |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var medians = new Dictionary<int, double>();
        foreach (var (name, id) in reports)
        {
            var times = new List<double>();
            byte[] pdf = [];
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                pdf = await GetPdfAsync(client, id);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            medians[id] = Median(times);
            Console.WriteLine($"| {name} | {Pages(pdf)} | {pdf.Length / 1024} KB | {medians[id]:0} ms | {times.Min():0} ms | {times.Max():0} ms |");
        }

        // The baseline: Chromium printing the same report HTML saved as a static file (its own command line, no app).
        var html = await PrintHtmlAsync(app, reports[0].Id);
        var htmlPath = Path.Combine(dataDirectory, "scrutiny-report.html");
        await File.WriteAllTextAsync(htmlPath, html);
        var cliTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var output = Path.Combine(dataDirectory, $"static-{i}.pdf");
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(chromium,
                ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--no-pdf-header-footer", $"--print-to-pdf={output}", new Uri(htmlPath).AbsoluteUri])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            cliTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        var cliMedian = Median(cliTimes);
        var scrutiny = medians[reports[0].Id];
        Console.WriteLine();
        Console.WriteLine($"Static baseline: `chromium --headless --print-to-pdf` of the scrutiny report's HTML saved as a file: median {cliMedian:0} ms (min {cliTimes.Min():0}, max {cliTimes.Max():0}).");
        Console.WriteLine($"Ratio, app render (warm browser, data to PDF) / static Chromium print: {scrutiny / cliMedian:0.00}");

        // The goal's baseline: the same HTML printed in one page that is already open (Playwright, same print options).
        var warmTimes = await WarmPagePrint.TimeAsync(chromium, html, runs);
        var warmMedian = Median(warmTimes);
        Console.WriteLine($"Warm-page baseline: the same HTML printed in one open Chromium page: median {warmMedian:0} ms (min {warmTimes.Min():0}, max {warmTimes.Max():0}).");
        Console.WriteLine($"Ratio, app render / warm-page print: **{scrutiny / warmMedian:0.00}**");

        // Throughput: each report printed by two clients at once (the renderer's default slots), PDF pages per second end to end.
        Console.WriteLine();
        Console.WriteLine("| report | PDFs/s (2 clients) | PDF pages/s |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, id) in reports)
        {
            var pages = Pages(await GetPdfAsync(client, id));
            var watch = Stopwatch.StartNew();
            var count = Math.Max(2, runs);
            await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                for (var i = 0; i < count / 2; i++)
                {
                    await GetPdfAsync(client, id);
                }
            }));
            var perSecond = (count / 2 * 2) / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"| {name} | {perSecond:0.00} | {perSecond * pages:0.0} |");
        }
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        static async Task SignInAsClerkAsync(BenchmarkApp app, HttpClient client)
        {
            const string password = "a long benchmark passphrase";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                var user = new ApplicationUser { UserName = "clerk@benchmark.invalid", Email = "clerk@benchmark.invalid", DisplayName = "Benchmark clerk", IsActive = true };
                Check((await users.CreateAsync(user, password)).Succeeded);
                Check((await users.AddToRoleAsync(user, Roles.CommitteeClerk)).Succeeded);
            }

            var token = await TokenAsync(client, "/account/sign-in");
            using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "clerk@benchmark.invalid",
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            }));
            Check(response.StatusCode == System.Net.HttpStatusCode.Redirect);
        }

        static async Task<int> CreateReportAsync(HttpClient client, ReportKind kind)
        {
            var token = await TokenAsync(client, "/reports/new");
            using var response = await client.PostAsync(new Uri("/reports/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Kind"] = kind.ToString(),
                ["ReportDate.Day"] = "1",
                ["ReportDate.Month"] = "3",
                ["ReportDate.Year"] = "2021",
                ["__RequestVerificationToken"] = token,
            }));
            Check(response.StatusCode == System.Net.HttpStatusCode.Redirect);
            return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        }

        static async Task<string> TokenAsync(HttpClient client, string path)
        {
            var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            return Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        }

        static async Task<byte[]> GetPdfAsync(HttpClient client, int id)
        {
            using var response = await client.GetAsync(new Uri($"/reports/{id}/draft/pdf", UriKind.Relative));
            Check(response.IsSuccessStatusCode, $"GET /reports/{id}/draft/pdf answered {(int)response.StatusCode}");
            return await response.Content.ReadAsByteArrayAsync();
        }

        static async Task<string> PrintHtmlAsync(BenchmarkApp app, int id)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            var route = new RouteData();
            route.Values["controller"] = "Reports";
            route.Values["action"] = "Preview";
            var context = new ActionContext(http, route, new ControllerActionDescriptor { ControllerName = "Reports", ActionName = "Preview" });
            var printed = await scope.ServiceProvider.GetRequiredService<ReportPrintService>().PrintHtmlAsync(context, id, CancellationToken.None);
            return printed!.Value.Html;
        }

        static int Pages(byte[] pdf) => Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

        static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;

        static void Check(bool condition, string? message = null)
        {
            if (!condition)
            {
                throw new InvalidOperationException(message ?? "Benchmark set-up failed.");
            }
        }
    }
}

/// <summary>The app in process on its own SQLite file, as the integration tests run it.</summary>
internal sealed class BenchmarkApp(string dataDirectory) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(WebProjectDirectory());
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("DemoUsers:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>src/ImprovementPlan.Web, found by walking up from the build output (its wwwroot holds print.css).</summary>
    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ImprovementPlan.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/ImprovementPlan.Web was not found above the benchmark's build output.");
    }
}
