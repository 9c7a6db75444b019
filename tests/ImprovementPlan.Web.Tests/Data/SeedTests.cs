using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data.Seeding;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Data;

public sealed class SeedTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_HoldsTheWholePlan()
    {
        var counts = await factory.WithDbAsync(async db => new
        {
            Plans = await db.Plans.CountAsync(Ct),
            Actions = await db.Actions.CountAsync(Ct),
            Workstreams = await db.Workstreams.CountAsync(Ct),
            Priorities = await db.Priorities.CountAsync(Ct),
            Stages = await db.Stages.CountAsync(Ct),
            SourceReviews = await db.SourceReviews.CountAsync(Ct),
            Measures = await db.Measures.CountAsync(Ct),
        });

        Assert.Equal(1, counts.Plans);
        Assert.Equal(57, counts.Actions);
        Assert.Equal(5, counts.Workstreams);
        Assert.Equal(9, counts.Priorities);
        Assert.Equal(3, counts.Stages);
        Assert.Equal(10, counts.SourceReviews);
        Assert.Equal(SeedFiles.Read("measures.json").GetArrayLength(), counts.Measures);
    }

    [Fact]
    public async Task Seed_KeepsThePlansOrderOfActions_LG1ToE57()
    {
        var references = await factory.WithDbAsync(db => db.Actions.OrderBy(a => a.Sequence).Select(a => a.Reference).ToListAsync(Ct));

        string[] expected =
        [
            .. Enumerable.Range(1, 5).Select(n => $"LG{n}"),
            .. Enumerable.Range(6, 6).Select(n => $"CS{n}"),
            .. Enumerable.Range(12, 24).Select(n => $"QP{n}"),
            .. Enumerable.Range(36, 12).Select(n => $"PM{n}"),
            .. Enumerable.Range(48, 10).Select(n => $"E{n}"),
        ];
        Assert.Equal(expected, references);
    }

    [Fact]
    public async Task Seed_KeepsEveryColumnOfAnActionVerbatim()
    {
        var action = await factory.WithDbAsync(db => db.Actions.Include(a => a.SourceReviews).SingleAsync(a => a.Reference == "LG1", Ct));

        Assert.Equal("BAU", action.LinkTo);
        Assert.Equal("Permanent recruitment of Senior Leadership Team", action.ActionText);
        Assert.Equal(new DateOnly(2020, 10, 31), action.DueDate);
        Assert.Equal(action.DueDate, action.OriginalDueDate);
        Assert.Equal("• Service direction and vision is consistently applied", action.Outcome);
        Assert.Equal("• Permanent, stable Senior Leadership Team", action.HowWillWeKnow);
        Assert.Equal("• Permanent, stable Senior Leadership Team driving the improvement agenda", action.WhatSuccessLooksLike);
        // The seed's spelling "Director of Children Services" is tidied into the role (Data/Seed/job-titles.json).
        Assert.Equal("Director of Children’s Services", action.SeniorResponsibleOfficer);
        Assert.Equal("Head of HR", action.LeadOfficer);
        Assert.Equal(["BAU"], action.SourceReviews.Select(s => s.Code));
    }

    [Fact]
    public async Task Seed_MatchesTheSeedFileForEveryAction()
    {
        var file = SeedFiles.Read("actions.json").EnumerateArray().ToDictionary(a => a.GetProperty("reference").GetString()!);
        var titles = ImprovementPlan.Web.Data.Seeding.JobTitles.Load();
        var actions = await factory.WithDbAsync(db => db.Actions.Include(a => a.Workstream).Include(a => a.SourceReviews).ToListAsync(Ct));

        Assert.Equal(file.Count, actions.Count);
        foreach (var action in actions)
        {
            var row = file[action.Reference];
            Assert.Equal(row.GetProperty("action").GetString(), action.ActionText);
            Assert.Equal(row.GetProperty("outcome").GetString(), action.Outcome);
            Assert.Equal(row.GetProperty("howWillWeKnow").GetString(), action.HowWillWeKnow);
            Assert.Equal(row.GetProperty("whatSuccessLooksLike").GetString(), action.WhatSuccessLooksLike);
            Assert.Equal(titles.Tidy(row.GetProperty("seniorResponsibleOfficer").GetString()), action.SeniorResponsibleOfficer);
            Assert.Equal(titles.Tidy(row.GetProperty("leadOfficer").GetString()), action.LeadOfficer);
            Assert.Equal(row.GetProperty("workstream").GetString(), action.Workstream!.Code);
            Assert.Equal(
                row.GetProperty("sourceCodes").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal),
                action.SourceReviews.Select(s => s.Code).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Seed_LinksActionsToPrioritiesAsTheMappingSays()
    {
        var mapping = SeedFiles.Read("action-priorities.json").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(n => n.GetInt32()).Order().ToList());
        var links = await factory.WithDbAsync(db => db.Actions
            .Select(a => new { a.Reference, Numbers = a.Priorities.Select(p => p.Number).ToList() })
            .ToListAsync(Ct));

        Assert.Equal(57, mapping.Count);
        Assert.Contains(links, l => l.Numbers.Count > 0);
        foreach (var link in links)
        {
            Assert.Equal(mapping[link.Reference], link.Numbers.Order());
        }
    }

    [Fact]
    public async Task Seed_RecordsTheScrutinyReportsFiguresAsMeasures()
    {
        var contacts = await factory.WithDbAsync(db => db.Measures.Include(m => m.Actuals).Include(m => m.Targets)
            .SingleAsync(m => m.Code == "MASH-CONTACTS-1WD", Ct));
        var supervision = await factory.WithDbAsync(db => db.Measures.Include(m => m.Actuals).Include(m => m.Targets)
            .SingleAsync(m => m.Code == "CASE-SUPERVISION-1-MONTH", Ct));
        var caseload = await factory.WithDbAsync(db => db.Measures.Include(m => m.Actuals).Include(m => m.Comparators)
            .SingleAsync(m => m.Code == "SW-AVERAGE-CASELOAD", Ct));

        Assert.Equal([69m, 76m], contacts.Actuals.OrderBy(a => a.PeriodEnd).Select(a => a.Value));
        Assert.Equal([new DateOnly(2020, 11, 30), new DateOnly(2021, 1, 31)], contacts.Actuals.OrderBy(a => a.PeriodEnd).Select(a => a.PeriodEnd));
        Assert.Equal(MeasureUnit.Percent, contacts.Unit);

        Assert.Equal([70m, 85m, 95m], supervision.Targets.OrderBy(t => t.Date).Select(t => t.Value));
        Assert.Equal([45m], supervision.Actuals.Select(a => a.Value));

        Assert.Equal(24.1m, Assert.Single(caseload.Actuals).Value);
        Assert.Equal(
            new Dictionary<string, decimal> { ["Statistical neighbours"] = 18m, ["West Midlands"] = 17.9m, ["England"] = 17.4m },
            caseload.Comparators.ToDictionary(c => c.Name, c => c.Value));
    }

    [Fact]
    public async Task Seed_AddsTheReportsProgressBulletsAsApprovedUpdatesOnTheirPriority()
    {
        var expected = SeedFiles.Read("priorities.json").EnumerateArray()
            .ToDictionary(p => p.GetProperty("number").GetInt32(), p => p.GetProperty("progressUpdates").GetArrayLength());
        var updates = await factory.WithDbAsync(db => db.ProgressUpdates
            .Join(db.Priorities, u => u.PriorityId, p => p.Id, (u, p) => new { p.Number, u.State, u.Narrative, u.AsAt })
            .ToListAsync(Ct));

        Assert.All(updates, u => Assert.Equal(UpdateState.Approved, u.State));
        Assert.Equal(expected, updates.GroupBy(u => u.Number).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Contains(updates, u => u.Number == 2 && u.Narrative.Contains("69% in November 2020", StringComparison.Ordinal));
        Assert.All(updates, u => Assert.InRange(u.AsAt, new DateOnly(2020, 9, 1), new DateOnly(2021, 3, 17)));
    }

    [Fact]
    public async Task Seed_RunTwice_ChangesNothing()
    {
        var before = await Snapshot();

        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanSeeder>().SeedAsync(Ct);
        }

        Assert.Equal(before, await Snapshot());
    }

    private Task<string> Snapshot() => factory.WithDbAsync(async db =>
    {
        var counts = new[]
        {
            await db.Plans.CountAsync(Ct), await db.Stages.CountAsync(Ct), await db.SourceReviews.CountAsync(Ct),
            await db.Workstreams.CountAsync(Ct), await db.Priorities.CountAsync(Ct), await db.Actions.CountAsync(Ct),
            await db.ProgressUpdates.CountAsync(Ct), await db.Measures.CountAsync(Ct), await db.MeasureTargets.CountAsync(Ct),
            await db.MeasureActuals.CountAsync(Ct), await db.MeasureComparators.CountAsync(Ct), await db.Meetings.CountAsync(Ct),
            await db.Reports.CountAsync(Ct), await db.ReportSections.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct),
        };
        var versions = await db.Actions.OrderBy(a => a.Reference).Select(a => a.Reference + ":" + a.Version).ToListAsync(Ct);
        return string.Join(",", counts) + "|" + string.Join(",", versions);
    });
}
