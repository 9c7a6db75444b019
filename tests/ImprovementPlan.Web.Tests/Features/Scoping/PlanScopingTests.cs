using System.Net;
using System.Text.RegularExpressions;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Scoping;

/// <summary>The app with a <see cref="PlanScopeGuard"/> on its database commands.</summary>
public sealed class ScopedAppFactory : AppFactory
{
    public PlanScopeGuard Guard { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IDbCommandInterceptor>(Guard));
    }
}

/// <summary>
/// A plan's pages read only that plan's rows. Plan 1's pages are shown, a second plan is added with
/// actions of the same references, its own updates (approved, submitted, drafts and returned ones by
/// the same head of service), due date requests, history and priority updates, and plan 1's pages are
/// shown again: they must not change by a byte (apart from per-request tokens). While the pages render,
/// the <see cref="PlanScopeGuard"/> judges every SQL command against the plan-owned tables.
/// </summary>
public sealed partial class PlanScopingTests(ScopedAppFactory factory) : IClassFixture<ScopedAppFactory>
{
    private static readonly string[] Pages = ["/", "/actions", "/actions/LG1", "/priorities", "/priorities/1", "/export/actions.csv", "/due-date-changes", "/plan-structure",
        "/meetings", "/my/to-do"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlanOnesPages_AreUnchangedByASecondPlan_AndEveryCommandNamesThePlan()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        var director = await factory.CreateAsync(Roles.ServiceDirector);
        await factory.LeadActionsAsync(head.Id, "LG1", "LG2");
        await factory.AddActionUpdateAsync("LG1", UpdateState.Submitted, TrackingData.Today.AddDays(-2), "Plan one: submitted.", head);
        await factory.AddActionUpdateAsync("LG2", UpdateState.Draft, TrackingData.Today.AddDays(-1), "Plan one: draft.", head);
        await factory.AddPriorityUpdateAsync(1, UpdateState.Approved, TrackingData.Today.AddDays(-5), "Plan one: priority progress.");
        await factory.RequestDueDateChangeAsync("LG1", TrackingData.Today.AddDays(40), "Plan one: more time", approve: false);
        using var directorClient = await factory.ClientForAsync(director);
        using var headClient = await factory.ClientForAsync(head);
        var meetingPage = await AddMeetingWithFollowUpAsync(head, "Plan one", TrackingData.Today.AddDays(7));

        var (planOne, tables, ids) = await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var owned = PlanOwnedTables.From(db.Model);
            return (planId, owned, await PlanScopeGuard.PlanIdsAsync(db, owned, planId, Ct));
        });
        Assert.Contains("ProgressUpdates", tables.KeysByTable.Keys);
        Assert.Contains("DueDateChanges", tables.KeysByTable.Keys);
        Assert.Contains("AuditEntries", tables.Direct);
        Assert.NotEmpty(ids["ProgressUpdates"]);

        factory.Guard.Clear();
        factory.Guard.Start(tables, planOne, ids);
        var before = await CaptureAsync(directorClient, headClient, meetingPage);
        factory.Guard.Stop();

        await AddSecondPlanAsync(head);
        var planTwoRows = await factory.WithDbAsync(db => db.Actions.CountAsync(a => a.PlanId != planOne, Ct));
        Assert.True(planTwoRows >= 10, "The second plan was not created.");

        factory.Guard.Start(tables, planOne, ids);
        var after = await CaptureAsync(directorClient, headClient, meetingPage);
        factory.Guard.Stop();

        foreach (var (page, html) in before)
        {
            Assert.True(html == after[page], $"{page} changed when a second plan was added:\n{FirstDifference(html, after[page])}");
        }

        Assert.True(factory.Guard.Checked.Count >= 20, $"Only {factory.Guard.Checked.Count} commands touched plan-owned tables: the check saw too little.");
        Assert.True(factory.Guard.Violations.Count == 0, string.Join("\n\n", factory.Guard.Violations.Select(v => $"{v.Reason}\n{v.Sql}")));
    }

    /// <summary>The guard is not satisfied by anything: the queries the pages used to send are caught.</summary>
    [Fact]
    public async Task Guard_CatchesTheUnscopedQueriesThePagesUsedToSend()
    {
        var (planOne, tables, ids) = await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var owned = PlanOwnedTables.From(db.Model);
            return (planId, owned, await PlanScopeGuard.PlanIdsAsync(db, owned, planId, Ct));
        });
        var scope = new PlanScopeGuard.Scope(tables, planOne, ids);
        var otherPlan = planOne + 1;
        await using var services = factory.Scope();
        var context = services.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();

        List<string> Problems(Func<ImprovementPlanDbContext, IQueryable<object>> query)
        {
            var printed = query(context).ToQueryString();
            return PlanScopeGuard.Judge(Sql(printed), Parameters(printed), scope) ?? [];
        }

        // Every approved update in the database (the old ratings query).
        Assert.NotEmpty(Problems(db => db.ProgressUpdates.Where(u => u.ActionId != null && u.State == UpdateState.Approved)
            .Select(u => new { u.ActionId, u.AsAt })));
        // Every plan's submitted updates (the old dashboard count).
        Assert.NotEmpty(Problems(db => db.ProgressUpdates.Where(u => u.State == UpdateState.Submitted)
            .Join(db.Actions, u => u.ActionId, a => a.Id, (u, a) => new { u.Id, a.Reference })));
        // Every action's id and reference (the old action page).
        Assert.NotEmpty(Problems(db => db.Actions.Select(a => new { a.Id, a.Reference })));
        // Audit entries by reference alone (the old history).
        Assert.NotEmpty(Problems(db => db.AuditEntries.Where(e => e.EntityType == "Action" && e.EntityKey == "LG1").Select(e => new { e.Id })));
        // Another plan's rows, named.
        Assert.NotEmpty(Problems(db => db.Actions.Where(a => a.PlanId == otherPlan).Select(a => new { a.Id })));
        // A pending request joined to its action, but the action not tied to the plan.
        Assert.NotEmpty(Problems(db => db.DueDateChanges.Where(c => c.State == DueDateChangeState.Pending)
            .Join(db.Actions, c => c.ActionId, a => a.Id, (c, a) => new { c.Id, a.Reference })));

        // And the scoped forms pass.
        Assert.Empty(Problems(db => db.Actions.Where(a => a.PlanId == planOne).Select(a => new { a.Id, a.Reference })));
        Assert.Empty(Problems(db => db.Actions.Where(a => a.PlanId == planOne)
            .Join(db.DueDateChanges.Where(c => c.State == DueDateChangeState.Pending), a => a.Id, c => c.ActionId, (a, c) => new { c.Id, a.Reference })));
        Assert.Empty(Problems(db => db.Actions.Where(a => a.PlanId == planOne).Select(a => new
        {
            a.Id,
            Latest = db.ProgressUpdates.Where(u => u.ActionId == a.Id && u.State == UpdateState.Approved)
                .OrderByDescending(u => u.AsAt).Select(u => (DateOnly?)u.AsAt).FirstOrDefault(),
        })));
        Assert.Null(PlanScopeGuard.Judge("SELECT \"u\".\"Email\" FROM \"AspNetUsers\" AS \"u\"", new Dictionary<string, object?>(), scope));
    }

    /// <summary>ToQueryString prints parameters as ".param set @name value" lines for SQLite: split them from the SQL.</summary>
    private static string Sql(string printed) =>
        string.Join('\n', printed.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));

    private static Dictionary<string, object?> Parameters(string printed)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (Match match in ParamLine().Matches(printed))
        {
            parameters[match.Groups["name"].Value] = match.Groups["value"].Value.Trim().Trim('\'');
        }

        return parameters;
    }

    [GeneratedRegex("^\\.param set @(?<name>\\w+) (?<value>.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ParamLine();

    private static async Task<Dictionary<string, string>> CaptureAsync(HttpClient director, HttpClient head, string meetingPage)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in Pages)
        {
            pages["director " + page] = await ReadAsync(director, page);
        }

        pages["head of service /"] = await ReadAsync(head, "/");
        pages["head of service /updates/mine"] = await ReadAsync(head, "/updates/mine");
        pages["head of service /my/to-do"] = await ReadAsync(head, "/my/to-do");
        pages["director " + meetingPage] = await ReadAsync(director, meetingPage);
        return pages;
    }

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        // Per-request values: antiforgery tokens and script nonces.
        text = Token().Replace(text, "token");
        return Nonce().Replace(text, "nonce");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|value=\"[^\"]*\" name=\"__RequestVerificationToken\"|CfDJ8[\\w-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex("nonce=\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex Nonce();

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 200);
        return $"before: …{a[from..Math.Min(a.Length, i + 200)]}…\nafter:  …{b[from..Math.Min(b.Length, i + 200)]}…";
    }

    /// <summary>A review of plan one on <paramref name="date"/> with an item and an open follow-up for <paramref name="head"/>; returns its page.</summary>
    private Task<string> AddMeetingWithFollowUpAsync(ApplicationUser head, string name, DateOnly date) => factory.WithDbAsync(async db =>
    {
        var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        var meeting = new Meeting(planId, MeetingKind.CsipReview, name + " review", date, WorkingDays.WeekendsOnly);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        var item = new AgendaItem(planId, meeting.Id, 1, AgendaItemKind.Free, AgendaSubject.None, null, name + " item", []);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(Ct);
        db.FollowUps.Add(new FollowUp(planId, meeting.Id, item.Id, name + " follow-up", head.Id, date.AddDays(14), AppFactory.Now.UtcDateTime));
        await db.SaveChangesAsync(Ct);
        return "/meetings/" + meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>
    /// A second plan shaped like the first: the same workstream codes, priority numbers and action
    /// references, with every kind of row the pages read, all dated so that they would show on plan 1's
    /// pages if they leaked (newer updates, red ratings, pending requests, the same head of service).
    /// </summary>
    private Task<int> AddSecondPlanAsync(ApplicationUser head) => factory.WithDbAsync(async db =>
    {
        var first = await db.Plans.OrderBy(p => p.Id).FirstAsync(Ct);
        var plan = new Plan("Second improvement plan", first.Organisation, first.PeriodStart, first.PeriodEnd, "A plan that must not show on the first.");
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);

        var workstreams = new Dictionary<int, Workstream>();
        foreach (var source in await db.Workstreams.AsNoTracking().Where(w => w.PlanId == first.Id).ToListAsync(Ct))
        {
            var copy = new Workstream(plan.Id, source.Code, source.Name + " (plan 2)", source.SortOrder, source.AccountableLead, source.Description, source.Outcomes);
            db.Workstreams.Add(copy);
            workstreams[source.Id] = copy;
        }

        var priorities = new Dictionary<int, Priority>();
        foreach (var source in await db.Priorities.AsNoTracking().Where(p => p.PlanId == first.Id).ToListAsync(Ct))
        {
            var copy = new Priority(plan.Id, source.Number, source.Title + " (plan 2)", source.Heading, source.WhatNeedsToImprove, source.WhatOfstedSaid,
                source.ClosingStatement);
            copy.AssignLead(head.Id);
            db.Priorities.Add(copy);
            priorities[source.Id] = copy;
        }

        await db.SaveChangesAsync(Ct);

        var sources = await db.Actions.AsNoTracking().Include(a => a.Priorities).Where(a => a.PlanId == first.Id).OrderBy(a => a.Sequence)
            .Take(20).ToListAsync(Ct);
        var actions = new List<ImprovementAction>();
        foreach (var source in sources)
        {
            var copy = new ImprovementAction(plan.Id, workstreams[source.WorkstreamId].Id, source.Reference, source.Sequence,
                new ActionColumns(source.ActionText + " (plan 2)", source.LinkTo, source.Timeframe, TrackingData.Today.AddDays(3), source.Outcome,
                    source.HowWillWeKnow, source.WhatSuccessLooksLike, source.SeniorResponsibleOfficer, "Plan two officer", null));
            foreach (var priority in source.Priorities)
            {
                copy.LinkPriority(priorities[priority.Id]);
            }

            copy.AssignLead(head.Id);
            db.Actions.Add(copy);
            actions.Add(copy);
        }

        await db.SaveChangesAsync(Ct);

        var now = AppFactory.Now.UtcDateTime;
        foreach (var action in actions)
        {
            // A change recorded in the history under the same reference as plan 1's action.
            action.OverrideDeliveryRag(Domain.Rag.Rag.Red, "Plan two: at risk");
            var approved = ProgressUpdate.DraftOnAction(action.Id, head.Id, head.DisplayName, TrackingData.Today, "Plan two: approved today.", now);
            approved.Submit(now);
            approved.Approve(null, "Plan two director", now);
            var submitted = ProgressUpdate.DraftOnAction(action.Id, head.Id, head.DisplayName, TrackingData.Today, "Plan two: submitted.", now);
            submitted.Submit(now);
            var draft = ProgressUpdate.DraftOnAction(action.Id, head.Id, head.DisplayName, TrackingData.Today, "Plan two: draft.", now);
            var returned = ProgressUpdate.DraftOnAction(action.Id, head.Id, head.DisplayName, TrackingData.Today, "Plan two: returned.", now);
            returned.Submit(now);
            returned.Return(null, "Plan two director", now, "Plan two: please redo.");
            db.ProgressUpdates.AddRange(approved, submitted, draft, returned);
            db.DueDateChanges.Add(new DueDateChange(action.Id, action.DueDate, TrackingData.Today.AddDays(90), "Plan two: more time", head.Id,
                head.DisplayName, now));
        }

        await db.SaveChangesAsync(Ct);
        // An earlier review of plan two with an open follow-up for the same head of service: it must reach neither plan one's agenda nor their list.
        var meeting = new Meeting(plan.Id, MeetingKind.CsipReview, "Plan two review", TrackingData.Today.AddDays(-7), WorkingDays.WeekendsOnly);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        var item = new AgendaItem(plan.Id, meeting.Id, 1, AgendaItemKind.Free, AgendaSubject.None, null, "Plan two item", []);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(Ct);
        db.FollowUps.Add(new FollowUp(plan.Id, meeting.Id, item.Id, "Plan two follow-up", head.Id, TrackingData.Today, now));

        foreach (var priority in priorities.Values)
        {
            var update = ProgressUpdate.DraftOnPriority(priority.Id, head.Id, head.DisplayName, TrackingData.Today, "Plan two: priority progress.", now);
            update.Submit(now);
            update.Approve(null, "Plan two director", now);
            var waiting = ProgressUpdate.DraftOnPriority(priority.Id, head.Id, head.DisplayName, TrackingData.Today, "Plan two: priority submitted.", now);
            waiting.Submit(now);
            db.ProgressUpdates.AddRange(update, waiting);
        }

        return await db.SaveChangesAsync(Ct);
    });
}
