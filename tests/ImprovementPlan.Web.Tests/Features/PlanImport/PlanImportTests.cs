using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Features.PlanImport;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ImprovementPlan.Web.Tests.Features.PlanImport.PlanImportTestSupport;

namespace ImprovementPlan.Web.Tests.Features.PlanImport;

/// <summary>Imports that go through: another council's layout by the mapping step, the same file twice, a changed file, and the seeded plan's round trip.</summary>
public sealed class PlanImportTests(PlanImportAppFactory factory) : IClassFixture<PlanImportAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> AuditCountAsync() => factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));

    private static async Task<byte[]> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/plan/export.xlsx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task Import_AnotherCouncilsLayout_IsReadThroughTheMappingStep()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var workbook = new TestWorkbook().Sheet("Tracker",
                ["Our improvement plan 2021", null, null, null, null, null],
                [null, null, null, null, null, null],
                ["Who", "Action", "Ref", "Due date", "Theme", "Comments on progress"],
                ["Head of Safeguarding", "Audit every open case", "MAP1", "March 2021", "QP", "Audit tool agreed"],
                [null, null, null, null, null, null],
                ["Head of HR", "Recruit two team managers", "MAP2", new TestWorkbook.SerialDate(new DateOnly(2021, 6, 30)), null, "Adverts out"])
            .Merge("E4:E6").ToArray();

        var (path, page) = await client.UploadAndFollowAsync(workbook);
        Assert.Equal("Which column is which?", page.QuerySelector("h1")!.TextContent.Trim());
        var fields = FormPosting.FieldsOf(page, path);
        Assert.Equal("leadOfficer", fields.Single(f => f.Key == "Columns[1]").Value);
        Assert.Equal("ignore", fields.Single(f => f.Key == "Columns[6]").Value);
        using var mapped = await client.PostFormAsync(path, fields.With("Columns[6]", "outcome"));
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var (previewPath, preview) = await client.FollowAsync(mapped.Headers.Location!.OriginalString);

        Assert.Empty(Problems(preview));
        Assert.Contains("Tracker, D4: “March 2021” read as 31 March 2021, the last day of the month",
            preview.QuerySelectorAll("[data-testid=notes] li").Select(li => li.TextContent.Trim()));
        using var confirmed = await client.ConfirmAsync(previewPath, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var actions = await factory.WithDbAsync(db => db.Actions.Include(a => a.Workstream)
            .Where(a => a.Reference == "MAP1" || a.Reference == "MAP2").OrderBy(a => a.Reference).ToListAsync(Ct));
        Assert.Equal(
            [("MAP1", "QP", "Audit every open case", new DateOnly(2021, 3, 31), "Head of Safeguarding", "Audit tool agreed"),
             ("MAP2", "QP", "Recruit two team managers", new DateOnly(2021, 6, 30), "Head of HR", "Adverts out")],
            actions.Select(a => (a.Reference, a.Workstream!.Code, a.ActionText, a.DueDate!.Value, a.LeadOfficer!, a.Outcome!)));
    }

    [Fact]
    public async Task Import_ExportOfThePlan_ChangesNothing()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var exported = await ExportAsync(client);
        var before = await AuditCountAsync();

        var (previewPath, preview) = await client.UploadAndFollowAsync(exported);

        Assert.Empty(Problems(preview));
        Assert.Equal("Nothing would change: the plan already holds everything in this workbook.",
            preview.QuerySelector("[data-testid=change-summary]")!.TextContent.Trim());
        using var confirmed = await client.ConfirmAsync(previewPath, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Import_ChangedRow_UpdatesTheActionByRefWithAnAuditEntry()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var planId = await factory.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct));
        var lg2 = await factory.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.PlanId == planId && a.Reference == "LG2", Ct));
        var workbook = new TestWorkbook().Sheet("Actions",
            ["REF", "WORKSTREAM", "ACTIONS", "LEAD OFFICER"],
            ["LG2", "LG", lg2.ActionText, "Head of Service Improvement"]).ToArray();

        var (previewPath, preview) = await client.UploadAndFollowAsync(workbook);
        Assert.Empty(Problems(preview));
        var change = preview.QuerySelector("[data-testid=action-LG2] + dl")!;
        Assert.Equal("LEAD OFFICER", change.QuerySelector("dt")!.TextContent.Trim());
        Assert.Contains(lg2.LeadOfficer!, change.QuerySelector("del")!.TextContent, StringComparison.Ordinal);
        using var confirmed = await client.ConfirmAsync(previewPath, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var after = await factory.WithDbAsync(db => db.Actions.AsNoTracking().SingleAsync(a => a.Id == lg2.Id, Ct));
        Assert.Equal(("Head of Service Improvement", lg2.Outcome, lg2.DueDate, lg2.Version + 1),
            (after.LeadOfficer, after.Outcome, after.DueDate, after.Version));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Action" && e.EntityKey == "LG2" && e.PlanId == planId && e.Operation == "Modified")
            .OrderByDescending(e => e.Id).FirstAsync(Ct));
        Assert.Contains("Head of Service Improvement", audit.Changes, StringComparison.Ordinal);
        Assert.Contains(lg2.LeadOfficer!, audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundTrip_SeededPlanExportedThenImportedIntoAnEmptyPlan_GivesTheSamePlanFieldByField()
    {
        using var client = await factory.SignedInClientAsync(Roles.Administrator);
        var exported = await ExportAsync(client);
        var admin = await factory.CreateAsync(Roles.Administrator);
        var (sourceId, copyId) = await factory.WithDbAsync(async db =>
        {
            var source = await db.Plans.OrderBy(p => p.Id).FirstAsync(Ct);
            var copy = new Plan("Copy of the plan", source.Organisation, source.PeriodStart, source.PeriodEnd, null);
            db.Plans.Add(copy);
            await db.SaveChangesAsync(Ct);
            return (source.Id, copy.Id);
        });

        await using (var scope = factory.Scope())
        {
            var store = scope.ServiceProvider.GetRequiredService<PendingPlanImportStorageService>();
            using var data = new MemoryStream(exported);
            var pending = await store.SaveAsync(admin.Id, copyId, "improvement-plan.xlsx", data, Ct);
            var previews = scope.ServiceProvider.GetRequiredService<PlanImportPreviewQuery>();
            var read = await previews.ReadAsync(pending, Ct);
            var preview = await previews.BuildAsync(pending, read.Workbook!, Ct);
            Assert.Empty(preview.Problems);
            var result = await scope.ServiceProvider.GetRequiredService<ConfirmPlanImportHandler>().HandleAsync(pending, preview.Fingerprint, Ct);
            Assert.Equal(ConfirmPlanImportOutcome.Imported, result.Outcome);
        }

        await factory.WithDbAsync(async db =>
        {
            async Task<List<ImprovementAction>> Actions(int planId) => await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
                .Include(a => a.Workstream).Include(a => a.Priorities).Include(a => a.SourceReviews).OrderBy(a => a.Sequence).ToListAsync(Ct);
            var original = await Actions(sourceId);
            var copied = await Actions(copyId);
            Assert.Equal(original.Count, copied.Count);
            Assert.True(original.Count >= 57);
            Assert.Equal(original.Select(ActionFields), copied.Select(ActionFields));

            Assert.Equal(
                (await db.Workstreams.AsNoTracking().Where(w => w.PlanId == sourceId).OrderBy(w => w.SortOrder).ToListAsync(Ct)).Select(WorkstreamFields),
                (await db.Workstreams.AsNoTracking().Where(w => w.PlanId == copyId).OrderBy(w => w.SortOrder).ToListAsync(Ct)).Select(WorkstreamFields));
            Assert.Equal(
                (await db.Priorities.AsNoTracking().Where(p => p.PlanId == sourceId).OrderBy(p => p.Number).ToListAsync(Ct)).Select(PriorityFields),
                (await db.Priorities.AsNoTracking().Where(p => p.PlanId == copyId).OrderBy(p => p.Number).ToListAsync(Ct)).Select(PriorityFields));
            Assert.Equal(
                (await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == sourceId).OrderBy(r => r.Code).ToListAsync(Ct)).Select(r => (r.Code, r.Title, r.Date, r.DateText)),
                (await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == copyId).OrderBy(r => r.Code).ToListAsync(Ct)).Select(r => (r.Code, r.Title, r.Date, r.DateText)));

            Assert.Equal(
                (await db.Stages.AsNoTracking().Where(st => st.PlanId == sourceId).OrderBy(st => st.SortOrder).ToListAsync(Ct)).Select(StageFields),
                (await db.Stages.AsNoTracking().Where(st => st.PlanId == copyId).OrderBy(st => st.SortOrder).ToListAsync(Ct)).Select(StageFields));
            Assert.True(await db.Stages.CountAsync(st => st.PlanId == copyId, Ct) >= 3);

            async Task<List<string>> Measures(int planId)
            {
                var numbers = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).ToDictionaryAsync(p => p.Id, p => p.Number, Ct);
                var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId).Include(m => m.Targets).Include(m => m.Actuals)
                    .AsSplitQuery().OrderBy(m => m.Code).ToListAsync(Ct);
                return [.. measures.Select(m => MeasureFields(m, m.PriorityId is { } id ? numbers[id] : null))];
            }

            var originalMeasures = await Measures(sourceId);
            Assert.True(originalMeasures.Count >= 34);
            Assert.Equal(originalMeasures, await Measures(copyId));

            // Who recorded a figure is the tracker's own record: in the copy, the administrator who imported it.
            var recorded = await db.Measures.AsNoTracking().Where(m => m.PlanId == copyId).SelectMany(m => m.Actuals)
                .Select(a => new { a.RecordedByUserId, a.RecordedBy, a.CorrectionReason }).ToListAsync(Ct);
            Assert.True(recorded.Count >= 32);
            Assert.All(recorded, r => Assert.Equal((admin.Id, admin.DisplayName, (string?)null), (r.RecordedByUserId, r.RecordedBy, r.CorrectionReason)));
            return 0;
        });
    }

    private static string StageFields(Stage s) => string.Join('\u001f',
        s.Number, s.Name, s.TargetDate, s.TargetDateText, s.Description, string.Join('\n', s.Benefits), string.Join('\n', s.Deliverables), s.SortOrder);

    private static string Number(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Every field of a measure the workbook carries, then each target and each figure field by field.</summary>
    private static string MeasureFields(Measure m, int? priority) => string.Join('\u001f',
        m.Code, m.Name, m.Description, priority, m.Unit, m.DecimalPlaces, m.Polarity, Number(m.Tolerance), m.Frequency, m.LagDays, m.Owner, m.Source,
        m.SourceText, m.TrajectoryShape, Number(m.BaselineValue), m.BaselinePeriodStart, m.BaselinePeriodEnd, m.BaselinePeriodLabel, m.RetiredOn,
        m.DataOwnerUserId,
        string.Join('\u001e', m.Targets.OrderBy(t => t.Date).Select(t => string.Join('|', t.Date, Number(t.Value), t.Label, t.Note, t.DateAssumed))),
        string.Join('\u001e', m.Actuals.OrderBy(a => a.PeriodStart).ThenBy(a => a.PeriodEnd).Select(a =>
            string.Join('|', a.PeriodStart, a.PeriodEnd, a.PeriodLabel, Number(a.Value), a.Note, a.IsProvisional, a.AsAt))));

    private static string ActionFields(ImprovementAction a) => string.Join('\u001f',
        a.Reference, a.Sequence, a.Workstream!.Code, a.LinkTo, a.ActionText, a.Timeframe, a.OriginalDueDate, a.DueDate, a.Outcome, a.HowWillWeKnow,
        a.WhatSuccessLooksLike, a.SeniorResponsibleOfficer, a.LeadOfficer, a.Status, a.TranscriptionNote,
        string.Join(",", a.Priorities.Select(p => p.Number).Order()), string.Join(",", a.SourceReviews.Select(r => r.Code).Order(StringComparer.Ordinal)));

    private static string WorkstreamFields(Workstream w) =>
        string.Join('\u001f', w.Code, w.Name, w.SortOrder, w.AccountableLead, w.Description, string.Join('\n', w.Outcomes));

    private static string PriorityFields(Priority p) =>
        string.Join('\u001f', p.Number, p.Title, p.Heading, p.WhatNeedsToImprove, p.WhatOfstedSaid, p.ClosingStatement);
}
