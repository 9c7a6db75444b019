using System.Diagnostics;
using System.Globalization;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Measures.Dfe;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Measures.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Benchmarks;

/// <summary>
/// Times importing the whole shipped DfE referrals file for Dudley (see docs/benchmarks.md): reading the
/// CSV files, computing the figures and comparators, and writing them to a fresh measure in one
/// transaction, against the baseline of reading the same file's lines and splitting them on commas.
/// </summary>
internal static class ImportBenchmark
{
    private const string Indicator = "rereferral_percent";

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var referrals = TestDataFile("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv");
        var groupingsPath = TestDataFile("New_Statistical_Neighbour_Groupings_April_2021.csv");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ipt-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await using var app = new BenchmarkApp(dataDirectory);
        _ = app.Server;

        var parse = new List<double>();
        var compute = new List<double>();
        var write = new List<double>();
        var whole = new List<double>();
        var baseline = new List<double>();
        var written = 0;
        for (var run = 0; run <= runs; run++)
        {
            // Run 0 warms the JIT and EF Core's model and is not counted.
            var watch = Stopwatch.StartNew();
            var table = ReadTable(referrals);
            var groupings = ReadGroupings(groupingsPath);
            var parsed = watch.Elapsed.TotalMilliseconds;
            var result = DfeComparison.Compute(table, new DfeComparisonRequest(Indicator, new CouncilCodes("332", "E08000027"), groupings));
            var computed = watch.Elapsed.TotalMilliseconds;
            written = await WriteAsync(app, referrals, groupingsPath, run);
            var done = watch.Elapsed.TotalMilliseconds;
            if (!result.IsValid)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors));
            }

            var naive = Stopwatch.StartNew();
            var cells = 0;
            foreach (var line in File.ReadLines(referrals))
            {
                cells += line.Split(',').Length;
            }

            if (run == 0)
            {
                continue;
            }

            parse.Add(parsed);
            compute.Add(computed - parsed);
            write.Add(done - computed);
            whole.Add(done);
            baseline.Add(naive.Elapsed.TotalMilliseconds + (cells == 0 ? 1 : 0));
        }

        var rows = File.ReadLines(referrals).Count() - 1;
        Console.WriteLine($"DfE import of {Path.GetFileName(referrals)} ({rows:N0} rows, {new FileInfo(referrals).Length / 1024} KB), column {Indicator}, for Dudley, {written} values written per run.");
        Console.WriteLine($"Runs: {runs} after one warm-up (median shown). Machine: {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| step | median | min | max |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("read both CSV files (CsvHelper) and check the layout", parse));
        Console.WriteLine(Row("compute figures, England, region, neighbours' average", compute));
        Console.WriteLine(Row("plan against the measure, write in one transaction (SQLite, audited)", write));
        Console.WriteLine(Row("whole import", whole));
        Console.WriteLine(Row("baseline: read the file's lines and split them on commas", baseline));
        Console.WriteLine();
        Console.WriteLine($"Ratio, whole import / baseline: {Median(whole) / Median(baseline):0.0}");
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The import as the confirm step does it: a pending import, the plan built against the measure, applied and saved.</summary>
    private static async Task<int> WriteAsync(BenchmarkApp app, string referrals, string groupingsPath, int run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ImprovementPlanDbContext>();
        var store = services.GetRequiredService<PendingImportStorageService>();
        var plans = services.GetRequiredService<DfeImportPlanQuery>();
        var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var measure = new Measure(planId, $"BENCH-{run}", new MeasureDefinition
        {
            Name = "Re-referrals within 12 months",
            Unit = MeasureUnit.Percent,
            DecimalPlaces = 1,
            Polarity = Polarity.LowerIsBetter,
            Frequency = MeasureFrequency.DfeReportingYear,
        });
        db.Measures.Add(measure);
        await db.SaveChangesAsync();

        await using var data = File.OpenRead(referrals);
        await using var groupings = File.OpenRead(groupingsPath);
        var pending = await store.SaveAsync("benchmark", planId, Path.GetFileName(referrals), data, Path.GetFileName(groupingsPath), groupings, default);
        pending = pending with { Indicator = Indicator, MeasureId = measure.Id, PublishedOn = new DateOnly(2025, 10, 30) };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var plan = (await plans.BuildAsync(pending, measure, default)).Plan ?? throw new InvalidOperationException("No import plan.");
        DfeImportPlanQuery.Apply(plan, measure, null, "Benchmark");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        store.Complete(pending);
        return plan.Actuals.Count + plan.Comparators.Count;
    }

    private static DfeTidyTable ReadTable(string path)
    {
        using var stream = File.OpenRead(path);
        return DfeCsvReader.ReadTidyFile(stream).Table ?? throw new InvalidOperationException("The referrals file was refused.");
    }

    private static NeighbourGroupings ReadGroupings(string path)
    {
        using var stream = File.OpenRead(path);
        return DfeCsvReader.ReadGroupings(stream).Groupings ?? throw new InvalidOperationException("The groupings file was refused.");
    }

    /// <summary>The DfE files kept with the import tests, found by walking up from the build output.</summary>
    private static string TestDataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ImprovementPlan.Web.Tests", "Features", "Measures", "Import", "TestData", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} was not found above the benchmark's build output.");
    }

    private static string Row(string step, List<double> times) =>
        $"| {step} | {Median(times):0.0} ms | {times.Min():0.0} ms | {times.Max():0.0} ms |";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
