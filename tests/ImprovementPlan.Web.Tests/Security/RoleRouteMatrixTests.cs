using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Features.Reports;
using ImprovementPlan.Web.Tests.Features.Updates;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>
/// Every role against every route and method, with real ids in the URLs. The table below says what
/// each role may reach; everything else must answer 403 (or, signed out, send to the sign-in page).
/// The head of service here leads nothing, so every write on a record is refused to them too.
/// </summary>
public sealed class RoleRouteMatrixTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What every signed-in user may read, whatever their role.</summary>
    private static readonly string[] EveryoneSignedIn =
    [
        "GET ", "GET actions", "GET actions/{reference}", "GET priorities", "GET priorities/{number:int}", "GET export/actions.csv", "GET export/actions.xlsx", "GET plan/export.xlsx",
        "GET reports", "GET reports/{id:int}/pdf", "GET reports/{id:int}/versions", "GET reports/{id:int}/versions/{number:int}",
        "GET reports/{id:int}/versions/{number:int}/pdf", "GET reports/{id:int}/versions/{number:int}/compare",
        "GET measures", "GET measures/{id:int}", "GET plans", "POST plans/{planId:int}/switch", "GET meetings", "GET meetings/{id:int}", "GET my/to-do",
        "GET account/change-password", "POST account/change-password", "GET account/email-settings", "POST account/email-settings",
    ];

    /// <summary>The Service Director and committee clerks run meetings: schedules, agendas, minutes and confirming follow-ups. Closing a follow-up is its owner's alone.</summary>
    private static readonly string[] ManageMeetings =
    [
        "GET meetings/new", "POST meetings/new", "GET meetings/{id:int}/change", "POST meetings/{id:int}/change", "POST meetings/{id:int}/cancel",
        "POST meetings/{id:int}/agenda/accept", "POST meetings/{id:int}/agenda/add", "POST meetings/{id:int}/items/{itemId:int}/up",
        "POST meetings/{id:int}/items/{itemId:int}/down", "POST meetings/{id:int}/items/{itemId:int}/remove",
        "GET meetings/{id:int}/items/{itemId:int}/record", "POST meetings/{id:int}/items/{itemId:int}/record",
        "POST meetings/{id:int}/minutes/agree", "POST follow-ups/{id:int}/confirm", "POST follow-ups/{id:int}/reopen",
    ];

    /// <summary>Performance officers, the Service Director and administrators keep measures and enter any figure (a data owner may enter their own).</summary>
    private static readonly string[] MaintainMeasures =
    [
        "POST measures/{id:int}/figures", "GET measures/{id:int}/figures/{figureId:int}/correct",
        "POST measures/{id:int}/figures/{figureId:int}/correct", "GET measures/figures", "POST measures/figures",
        "GET measures/new", "POST measures/new", "GET measures/{id:int}/edit", "POST measures/{id:int}/edit", "POST measures/{id:int}/retire",
        "GET measures/{id:int}/targets", "POST measures/{id:int}/targets", "POST measures/{id:int}/targets/{targetId:int}/remove", "POST measures/{id:int}/baseline", "POST measures/{id:int}/comparators",
    ];

    private static readonly string[] SeeDrafts = ["GET reports/{id:int}", "GET reports/{id:int}/draft/pdf"];

    private static readonly string[] PrepareReports =
    [
        "GET reports/new", "POST reports/new", "GET reports/{id:int}/sections/{key}/edit", "POST reports/{id:int}/sections/{key}/edit",
        "GET reports/{id:int}/publish", "POST reports/{id:int}/publish",
        "GET reports/{id:int}/details", "POST reports/{id:int}/details", "GET reports/{id:int}/delete", "POST reports/{id:int}/delete",
    ];

    /// <summary>Those who edit the plan may also ask to move a due date; the Service Director still decides.</summary>
    private static readonly string[] EditPlan =
    [
        "GET actions/new", "POST actions/new", "GET actions/{reference}/edit", "POST actions/{reference}/edit",
        "GET actions/{reference}/due-date", "POST actions/{reference}/due-date",
        "GET plans/new", "POST plans/new", "GET plans/{planId:int}/copy", "POST plans/{planId:int}/copy",
        "GET plans/{planId:int}/archive", "POST plans/{planId:int}/archive",
        "GET plan-structure",
        .. new[] { "workstreams", "priorities", "source-reviews", "stages" }.SelectMany(kind => new[]
        {
            $"GET plan-structure/{kind}/new", $"POST plan-structure/{kind}/new", $"GET plan-structure/{kind}/{{itemId:int}}",
            $"POST plan-structure/{kind}/{{itemId:int}}", $"POST plan-structure/{kind}/{{itemId:int}}/move",
            $"POST plan-structure/{kind}/{{itemId:int}}/retire", $"POST plan-structure/{kind}/{{itemId:int}}/reinstate",
        }),
    ];

    private static readonly string[] Audit = ["GET audit"];

    /// <summary>The Service Director leads every record, decides updates and due dates, and sees drafts; they change only their own updates.</summary>
    private static readonly string[] Decide =
    [
        "GET actions/{reference}/ratings", "POST actions/{reference}/ratings", "GET approvals", "POST updates/{id:int}/approve",
        "POST updates/{id:int}/return", "GET due-date-changes", "POST due-date-changes/{id:int}/approve", "POST due-date-changes/{id:int}/reject",
        "GET updates/mine", "GET actions/{reference}/updates/new",
        "POST actions/{reference}/updates/new", "GET priorities/{number:int}/updates/new", "POST priorities/{number:int}/updates/new",
        "GET updates/{id:int}", "GET evidence/{id:int}",
    ];

    /// <summary>Importing the DfE's statistics into measures: performance officers, the Service Director and administrators.</summary>
    private static readonly string[] ImportDfeStatistics =
    [
        "GET measures/import", "POST measures/import", "GET measures/import/{importId:guid}", "POST measures/import/{importId:guid}",
        "GET measures/import/{importId:guid}/preview", "POST measures/import/{importId:guid}/confirm",
    ];

    /// <summary>Importing a whole plan from a workbook: administrators and the Service Director, as for editing the plan.</summary>
    private static readonly string[] ImportPlan =
    [
        "GET plan/import", "POST plan/import", "GET plan/import/template", "GET plan/import/{importId:guid}", "POST plan/import/{importId:guid}",
        "GET plan/import/{importId:guid}/preview", "POST plan/import/{importId:guid}/confirm",
    ];

    private static readonly string[] ManageUsers =
    [
        "GET admin/users", "GET admin/users/new", "POST admin/users/new", "GET admin/users/{id}", "POST admin/users/{id}",
        "POST admin/users/{id}/deactivate", "POST admin/users/{id}/reactivate", "GET admin/users/{id}/leads", "POST admin/users/{id}/leads",
        "GET admin/users/{id}/hand-over", "POST admin/users/{id}/hand-over",
        "POST admin/users/{id}/send-reset-link", "GET admin/outbox", "POST admin/outbox/{id:long}/retry",
        "GET admin/backups",
    ];

    /// <summary>Adding to this table is a security decision.</summary>
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        [Roles.Viewer] = [.. EveryoneSignedIn],
        [Roles.CommitteeClerk] = [.. EveryoneSignedIn, .. SeeDrafts, .. PrepareReports, .. ManageMeetings],
        [Roles.PerformanceOfficer] = [.. EveryoneSignedIn, .. SeeDrafts, .. MaintainMeasures, .. ImportDfeStatistics],
        [Roles.HeadOfService] = [.. EveryoneSignedIn, .. SeeDrafts, "GET updates/mine"],
        [Roles.ServiceDirector] = [.. EveryoneSignedIn, .. SeeDrafts, .. PrepareReports, .. EditPlan, .. Audit, .. Decide, .. MaintainMeasures, .. ImportDfeStatistics, .. ImportPlan, .. ManageMeetings],
        [Roles.Administrator] = [.. EveryoneSignedIn, .. SeeDrafts, .. PrepareReports, .. EditPlan, .. Audit, .. ManageUsers, .. MaintainMeasures, .. ImportDfeStatistics, .. ImportPlan],
    };

    /// <summary>Routes outside the matrix: open to all by design (AccessTests pins them), or ending the session it runs in.</summary>
    private static readonly HashSet<string> NotInTheMatrix = ["POST account/sign-out"];

    public static TheoryData<string> RoleNames() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task EveryRoute_AsRole_AnswersAsTheTableSays(string role)
    {
        var ids = await RecordsAsync();
        using var client = await factory.SignedInClientAsync(role);
        var failures = new List<string>();
        var checkedRoutes = 0;

        foreach (var (key, method, path) in Routes(ids))
        {
            using var response = await SendAsync(client, method, path);
            var status = (int)response.StatusCode;
            checkedRoutes++;
            if (Allowed[role].Contains(key))
            {
                if (status is 403 or >= 500)
                {
                    failures.Add($"{key} ({path}) answered {status}; {role} may use it.");
                }
            }
            else if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{key} ({path}) answered {status}; {role} must get 403.");
            }
        }

        Assert.True(checkedRoutes > 50, $"Only {checkedRoutes} routes were checked.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>No page offers a link its reader may not follow: every link shown to a role leads somewhere that role may go.</summary>
    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task EveryLinkShown_AsRole_LeadsToAPageThatRoleMayOpen(string role)
    {
        await RecordsAsync();
        using var client = await factory.SignedInClientAsync(role);
        var refused = new List<string>();
        var followed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var page in new[] { "/", "/actions", "/actions/QP21", "/priorities", "/priorities/2", "/reports" })
        {
            var document = await client.GetDocumentAsync(page);
            var links = document.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0])
                .Where(href => href.Length > 0 && followed.Add(href)).ToList();
            foreach (var href in links)
            {
                using var response = await client.GetAsync(new Uri(href, UriKind.Relative), Ct);
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (int)response.StatusCode >= 500)
                {
                    refused.Add($"{page} links to {href}, which answered {(int)response.StatusCode}.");
                }
            }
        }

        Assert.True(followed.Count > 20, $"Only {followed.Count} links were followed.");
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
    }

    [Fact]
    public async Task EveryWrite_SignedOut_IsSentToSignInAndChangesNothing()
    {
        var ids = await RecordsAsync();
        var auditEntries = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        using var client = factory.CreateClient();
        var writes = Routes(ids).Where(r => r.Method == HttpMethod.Post).ToList();

        foreach (var (key, method, path) in writes)
        {
            using var response = await SendAsync(client, method, path, tokenFrom: "/account/sign-in");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{key} ({path}) answered {response.StatusCode} to a signed-out post.");
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.True(writes.Count > 20, $"Only {writes.Count} writes were checked.");
        Assert.Equal(auditEntries, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public void TheTable_NamesOnlyRoutesThatExist()
    {
        var keys = Endpoints().Select(e => e.Key).ToHashSet();

        var unknown = Allowed.Values.SelectMany(v => v).Concat(NotInTheMatrix).Where(k => !keys.Contains(k)).Distinct().ToList();

        Assert.True(unknown.Count == 0, "The table names routes that do not exist: " + string.Join(", ", unknown));
    }

    /// <summary>The ids the routes are filled with: the seeded plan and report, plus records made here.</summary>
    private sealed record RecordIds(int ReportId, int UpdateId, int EvidenceId, int DueDateChangeId, string UserId, int MeasureId = 0, int FigureId = 0)
    {
        /// <summary>The seeded plan, and one of each part of its structure, by the kind's URL segment.</summary>
        public int PlanId { get; init; }

        public Dictionary<string, int> StructureIds { get; init; } = [];

        public int MeetingId { get; init; }

        public int ItemId { get; init; }

        public int FollowUpId { get; init; }
    }

    private async Task<RecordIds> RecordsAsync()
    {
        // A draft update with a file, written by the lead of QP21 (not one of the matrix's users).
        var (_, author) = await factory.LeadOfActionAsync("QP21");
        using var created = await author.PostFormAsync("/actions/QP21/updates/new", UpdateTestData.Fields("Matrix draft."), ("matrix.pdf", UpdateTestData.Pdf()));
        var updateId = UpdateTestData.RedirectedUpdateId(created);
        var evidenceId = await factory.WithDbAsync(db => db.Evidence.Where(e => e.ProgressUpdateId == updateId).Select(e => e.Id).SingleAsync(Ct));
        var due = await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "CS10").Select(a => a.DueDate).SingleAsync(Ct)) ?? new DateOnly(2021, 6, 30);
        // One request per action may wait (a unique index): a row of the matrix reuses the one still waiting.
        if (!await factory.WithDbAsync(db => db.DueDateChanges.AnyAsync(c => c.State == Domain.Actions.DueDateChangeState.Pending
            && db.Actions.Any(a => a.Id == c.ActionId && a.Reference == "CS10"), Ct)))
        {
            await factory.RequestDueDateChangeAsync("CS10", due.AddDays(7), "Matrix request", approve: false);
        }

        var changeId = await factory.WithDbAsync(db => db.DueDateChanges.Where(c => c.State == Domain.Actions.DueDateChangeState.Pending
            && db.Actions.Any(a => a.Id == c.ActionId && a.Reference == "CS10")).Select(c => c.Id).SingleAsync(Ct));
        var bystander = await factory.CreateAsync(Roles.Viewer);
        var reportId = await factory.SeededScrutinyReportIdAsync();
        await factory.WithDbAsync(async db =>
        {
            if (!await db.PublishedReports.AnyAsync(p => p.ReportId == reportId, Ct))
            {
                db.PublishedReports.Add(new PublishedReport(reportId, 1, "Matrix version", "scrutiny-report-2021-03-17.pdf", "%PDF-1.7"u8.ToArray(),
                    new string('0', 64), AppFactory.Now.UtcDateTime, null, "A clerk", snapshotJson: "[]", bodyHtml: "<h1>Matrix version</h1>"));
            }

            return await db.SaveChangesAsync(Ct);
        });
        var (measureId, figureId) = await factory.WithDbAsync(db => db.MeasureActuals.Where(a => db.Measures.Any(m => m.Id == a.MeasureId && m.Code == "MASH-CONTACTS-1WD"))
            .Select(a => new ValueTuple<int, int>(a.MeasureId, a.Id)).FirstAsync(Ct));
        var structure = await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            return (planId, new Dictionary<string, int>
            {
                ["workstreams"] = await db.Workstreams.Where(w => w.PlanId == planId).Select(w => w.Id).FirstAsync(Ct),
                ["priorities"] = await db.Priorities.Where(p => p.PlanId == planId).Select(p => p.Id).FirstAsync(Ct),
                ["source-reviews"] = await db.SourceReviews.Where(r => r.PlanId == planId).Select(r => r.Id).FirstAsync(Ct),
                ["stages"] = await db.Stages.Where(r => r.PlanId == planId).Select(r => r.Id).FirstAsync(Ct),
            });
        });
        var (meetingId, itemId, followUpId) = await MatrixMeetingAsync(bystander.Id);
        return new RecordIds(reportId, updateId, evidenceId, changeId, bystander.Id, measureId, figureId)
        {
            PlanId = structure.planId,
            StructureIds = structure.Item2,
            MeetingId = meetingId,
            ItemId = itemId,
            FollowUpId = followUpId,
        };
    }

    /// <summary>A meeting with an item and a follow-up owned by someone outside the matrix, made once and then reused.</summary>
    private Task<(int MeetingId, int ItemId, int FollowUpId)> MatrixMeetingAsync(string ownerId) => factory.WithDbAsync(async db =>
    {
        if (await db.FollowUps.Where(f => f.What == "Matrix follow-up").Select(f => new { f.MeetingId, f.AgendaItemId, f.Id }).FirstOrDefaultAsync(Ct) is { } made)
        {
            return (made.MeetingId, made.AgendaItemId, made.Id);
        }

        var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        var meeting = new Domain.Meetings.Meeting(planId, Domain.Meetings.MeetingKind.CsipReview, "Matrix review", new DateOnly(2021, 3, 9),
            Domain.Meetings.WorkingDays.WeekendsOnly);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        var item = new Domain.Meetings.AgendaItem(planId, meeting.Id, 1, Domain.Meetings.AgendaItemKind.Free, Domain.Meetings.AgendaSubject.None, null,
            "Matrix item", []);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(Ct);
        var followUp = new Domain.Meetings.FollowUp(planId, meeting.Id, item.Id, "Matrix follow-up", ownerId, new DateOnly(2021, 3, 30), AppFactory.Now.UtcDateTime);
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(Ct);
        return (meeting.Id, item.Id, followUp.Id);
    });

    private IEnumerable<(string Key, HttpMethod Method, string Path)> Routes(RecordIds ids)
    {
        foreach (var (key, endpoint, methods) in Endpoints())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || NotInTheMatrix.Contains(key))
            {
                continue;
            }

            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = "/" + pattern
                .Replace("{reference}", "QP21", StringComparison.Ordinal)
                .Replace("{key}", ReportSectionKeys.Purpose, StringComparison.Ordinal)
                .Replace("{number:int}", pattern.StartsWith("priorities", StringComparison.Ordinal) ? "2" : "1", StringComparison.Ordinal)
                .Replace("{id}", ids.UserId, StringComparison.Ordinal)
                .Replace("{figureId:int}", ids.FigureId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{targetId:int}", "0", StringComparison.Ordinal)
                .Replace("{id:long}", "0", StringComparison.Ordinal)
                .Replace("{importId:guid}", Guid.Empty.ToString("N"), StringComparison.Ordinal)
                .Replace("{planId:int}", ids.PlanId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (path.Contains("{itemId:int}", StringComparison.Ordinal))
            {
                var itemId = pattern.StartsWith("plan-structure/", StringComparison.Ordinal) ? ids.StructureIds[pattern.Split('/')[1]] : ids.ItemId;
                path = path.Replace("{itemId:int}", itemId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            if (path.Contains("{id:int}", StringComparison.Ordinal))
            {
                var id = pattern.Split('/')[0] switch
                {
                    "reports" => ids.ReportId,
                    "updates" => ids.UpdateId,
                    "evidence" => ids.EvidenceId,
                    "due-date-changes" => ids.DueDateChangeId,
                    "measures" => ids.MeasureId,
                    "meetings" => ids.MeetingId,
                    "follow-ups" => ids.FollowUpId,
                    var other => throw new InvalidOperationException($"No id to put in {other} routes."),
                };
                path = path.Replace("{id:int}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            foreach (var method in methods)
            {
                yield return (key, new HttpMethod(method), path);
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string tokenFrom = "/")
    {
        if (method == HttpMethod.Get)
        {
            return await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        }

        // A write as a browser would send it: with a valid antiforgery token, and nothing else.
        var token = await client.AntiforgeryTokenAsync(tokenFrom);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    private List<(string Key, RouteEndpoint Endpoint, IReadOnlyList<string> Methods)> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is not null)
            .Select(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                return ($"{string.Join(",", methods)} {e.RoutePattern.RawText!.TrimStart('/')}", e, methods);
            })
            .Where(e => e.methods.Count > 0)
            .ToList();
}
