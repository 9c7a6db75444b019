using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Benchmarks;

/// <summary>
/// Requests per second for the measures page (/measures) and a measure's page (/measures/{id}) on the
/// seeded plan, then again after adding 500 measures of 36 monthly figures each, and the ratios of the
/// two. One client, one request at a time, for a fixed time per page after a warm-up (see docs/benchmarks.md).
/// </summary>
internal static class MeasuresBenchmark
{
    private const int ExtraMeasures = 500;
    private const int FiguresEach = 36;

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ipt-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await using (var app = new BenchmarkApp(dataDirectory))
        {
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
            await SignInAsync(app, client);

            int seededMeasure;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
                // The seeded measure with the most figures: the heaviest page of the seeded plan.
                seededMeasure = await db.Measures.OrderByDescending(m => m.Actuals.Count).ThenBy(m => m.Id).Select(m => m.Id).FirstAsync();
            }

            Console.WriteLine($"One client, sequential requests, {seconds:0.#} s per page after 20 warm-up requests. Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
            var seededCount = await CountAsync(app);
            var seededList = await RateAsync(client, "/measures", seconds);
            var seededPage = await RateAsync(client, $"/measures/{seededMeasure}", seconds);

            var bigMeasure = await AddMeasuresAsync(app);
            var bigCount = await CountAsync(app);
            var bigList = await RateAsync(client, "/measures", seconds);
            var bigPage = await RateAsync(client, $"/measures/{bigMeasure}", seconds);

            Console.WriteLine();
            Console.WriteLine("| page | seeded plan | with 500 more measures of 36 figures | ratio (large / seeded) |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| measures page, /measures ({seededCount.Measures} then {bigCount.Measures} measures) | {seededList.Rate:0.0} req/s ({seededList.Kb} KB) | {bigList.Rate:0.0} req/s ({bigList.Kb} KB) | {bigList.Rate / seededList.Rate:0.00} |");
            Console.WriteLine($"| a measure's page, /measures/{{id}} ({seededCount.MostFigures} then {FiguresEach} figures) | {seededPage.Rate:0.0} req/s ({seededPage.Kb} KB) | {bigPage.Rate:0.0} req/s ({bigPage.Kb} KB) | {bigPage.Rate / seededPage.Rate:0.00} |");
            Console.WriteLine($"Figures in the database: {seededCount.Figures} seeded, {bigCount.Figures} after adding.");
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(double Rate, long Kb)> RateAsync(HttpClient client, string path, double seconds)
    {
        long bytes = 0;
        for (var i = 0; i < 20; i++)
        {
            bytes = (await GetAsync(client, path)).Length;
        }

        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            await GetAsync(client, path);
            count++;
        }

        return (count / watch.Elapsed.TotalSeconds, bytes / 1024);
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(int Measures, int Figures, int MostFigures)> CountAsync(BenchmarkApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var measures = await db.Measures.CountAsync();
        var figures = await db.Set<MeasureActual>().CountAsync();
        var most = await db.Measures.Select(m => m.Actuals.Count).MaxAsync();
        return (measures, figures, most);
    }

    /// <summary>Adds 500 monthly measures spread over the plan's priorities, each with a baseline, three targets and 36 figures; returns one of their ids.</summary>
    private static async Task<int> AddMeasuresAsync(BenchmarkApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var priorities = await db.Priorities.Where(p => p.PlanId == plan).OrderBy(p => p.Number).Select(p => p.Id).ToListAsync();
        var random = new Random(20210317);
        var start = new DateOnly(2018, 1, 1);
        var added = new List<Measure>();
        for (var i = 0; i < ExtraMeasures; i++)
        {
            var measure = new Measure(plan, $"BENCH-{i:000}", new MeasureDefinition
            {
                Name = $"Benchmark measure {i + 1}: percentage of cases seen on time",
                Unit = MeasureUnit.Percent,
                DecimalPlaces = 1,
                Polarity = i % 7 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
                Tolerance = 5,
                Frequency = MeasureFrequency.Monthly,
                LagDays = 20,
                PriorityId = priorities[i % priorities.Count],
                TrajectoryShape = i % 2 == 0 ? TrajectoryShape.Stepped : TrajectoryShape.Linear,
            });
            measure.SetBaseline(50m, MeasurePeriod.Containing(MeasureFrequency.Monthly, start.AddMonths(-1)));
            measure.AddTarget(start.AddMonths(12).AddDays(-1), 65m, null, null, dateAssumed: false);
            measure.AddTarget(start.AddMonths(24).AddDays(-1), 75m, null, null, dateAssumed: false);
            measure.AddTarget(start.AddMonths(36).AddDays(-1), 85m, null, null, dateAssumed: true);
            var value = 50m;
            for (var month = 0; month < FiguresEach; month++)
            {
                value = Math.Clamp(value + (decimal)((random.NextDouble() * 4) - 1.2), 0m, 100m);
                var period = MeasurePeriod.Containing(MeasureFrequency.Monthly, start.AddMonths(month));
                measure.RecordActual(period, Math.Round(value, 1), null, isProvisional: false, asAt: period.End.AddDays(15), null, "Benchmark");
            }

            measure.RecordComparator(ComparatorKind.England, "England", 72m,
                MeasurePeriod.Containing(MeasureFrequency.DfeReportingYear, start), null, "Benchmark", null);
            added.Add(measure);
        }

        db.Measures.AddRange(added);
        await db.SaveChangesAsync();
        return added[^1].Id;
    }

    private static async Task SignInAsync(BenchmarkApp app, HttpClient client)
    {
        const string password = "a long benchmark passphrase";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "officer@benchmark.invalid", Email = "officer@benchmark.invalid", DisplayName = "Benchmark officer", IsActive = true };
            Check((await users.CreateAsync(user, password)).Succeeded);
            Check((await users.AddToRoleAsync(user, Roles.PerformanceOfficer)).Succeeded);
        }

        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "officer@benchmark.invalid",
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Check(response.StatusCode == System.Net.HttpStatusCode.Redirect);
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark set-up failed.");
        }
    }
}
