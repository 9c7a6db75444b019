using System.Net;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Features.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Updates;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>
/// A report for a past date shows the plan as it stood that day: overrides, approvals and due-date
/// moves made later leave it as it was.
/// </summary>
public sealed class AsAtReportTests : IClassFixture<AsAtReportTests.LaterFactory>
{
    private static readonly DateOnly BoardDate = new(2021, 3, 17);
    private readonly LaterFactory factory;

    public AsAtReportTests(LaterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        this.factory = factory;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app on 2 December 2026, long after the seeded meeting of 17 March 2021.</summary>
    public sealed class LaterFactory : AppFactory
    {
        public LaterFactory() => Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 14, 5, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task BoardReport_InMarch2021_DoesNotRateCS11RedBeforeItWasDue()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, BoardDate, Ct);

        var document = await BuildAsync(id);

        var cs11 = document.Board!.Red.Concat(document.Board.Overdue).Where(a => a.Reference == "CS11");
        Assert.Empty(cs11);
        Assert.Equal("Green", Fact(document, "action:CS11:delivery"));
        Assert.Equal(BoardDate, document.Report.AsAt);
    }

    [Fact]
    public async Task PastReport_IsUnchangedByLaterOverridesApprovalsAndDueDateMoves()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var boardId = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 3, 18), Ct);
        var planId = await clerk.CreateReportAsync(ReportKind.FullActionPlan, new DateOnly(2021, 3, 18), Ct);
        var boardBefore = (await BuildAsync(boardId)).Facts.ToList();
        var planBefore = (await BuildAsync(planId)).Facts.ToList();
        Assert.Equal("Green", boardBefore.Single(f => f.Key == "action:CS11:delivery").Value);
        Assert.Equal("31 August 2020", planBefore.Single(f => f.Key == "action:CS10:due").Value);

        // In 2026: the Service Director overrides CS11 to Red, a move of CS10's date is approved, and an
        // update on PM36 proposing Red and Complete is approved.
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var ratings = FormPosting.FieldsOf(await director.GetDocumentAsync("/actions/CS11/ratings"), "/actions/CS11/ratings")
            .With("DeliveryOverride", "Red").With("OverrideReason", "Work stopped in 2026");
        using (var saved = await director.PostFormAsync("/actions/CS11/ratings", ratings))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var cs10 = await db.Actions.SingleAsync(a => a.Reference == "CS10", Ct);
            var change = new DueDateChange(cs10.Id, cs10.DueDate, new DateOnly(2027, 3, 31), "Moved in 2026", null, "A head of service", now);
            change.Approve(cs10, null, "The Service Director", now, "Agreed");
            db.DueDateChanges.Add(change);
            var pm36 = await db.Actions.SingleAsync(a => a.Reference == "PM36", Ct);
            var update = ProgressUpdate.DraftOnAction(pm36.Id, null, "A head of service", new DateOnly(2021, 3, 1), "Finished.", now);
            update.Revise(new UpdateContent("Finished.", null, null, Rag.Red, null, ActionStatus.Complete), new DateOnly(2021, 3, 1));
            update.AttachEvidence(Domain.Updates.Evidence.ForLink(0, "Audit", new Uri("https://example.org/audit"), now, null));
            update.Submit(now);
            update.Approve(null, "The Service Director", now);
            pm36.RecordApprovedProgress(update.ProposedStatus, update.AsAt, update.HasEvidence);
            db.ProgressUpdates.Add(update);
            return await db.SaveChangesAsync(Ct);
        });

        var boardAfter = (await BuildAsync(boardId)).Facts.ToList();
        var planAfter = (await BuildAsync(planId)).Facts.ToList();

        Assert.Equal(boardBefore, boardAfter);
        Assert.Equal(planBefore, planAfter);
        // The same changes do show in a report as at today.
        var today = await clerk.CreateReportAsync(ReportKind.FullActionPlan, new DateOnly(2026, 12, 2), Ct);
        var now = await BuildAsync(today);
        Assert.Equal("Red", Fact(now, "action:CS11:delivery"));
        Assert.Equal("31 March 2027", Fact(now, "action:CS10:due"));
        Assert.Equal("Complete", Fact(now, "action:PM36:status"));
    }

    [Fact]
    public async Task RatingsPage_RecordsEachDecisionWithWhoAndWhen()
    {
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var fields = FormPosting.FieldsOf(await director.GetDocumentAsync("/actions/QP21/ratings"), "/actions/QP21/ratings")
            .With("DeliveryOverride", "Amber").With("OverrideReason", "Partners agreed a new plan");

        using var response = await director.PostFormAsync("/actions/QP21/ratings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var decision = await factory.WithDbAsync(db => db.RatingDecisions
            .Join(db.Actions.Where(a => a.Reference == "QP21"), d => d.ActionId, a => a.Id, (d, _) => d).SingleAsync(Ct));
        Assert.Equal(Rag.Amber, decision.DeliveryOverride);
        Assert.Equal("Partners agreed a new plan", decision.OverrideReason);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, decision.DecidedAtUtc);
        Assert.False(string.IsNullOrWhiteSpace(decision.DecidedByName));
    }

    private async Task<ReportDocument> BuildAsync(int reportId)
    {
        await using var scope = factory.Scope();
        return (await scope.ServiceProvider.GetRequiredService<ReportDocumentQuery>().BuildAsync(reportId, Ct))!;
    }

    private static string Fact(ReportDocument document, string key) => document.Facts.Single(f => f.Key == key).Value;
}
