using System.Text.Json;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Data;

public sealed class AuditAndConcurrencyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_IsRecordedInTheAuditTrailAsTheSystem()
    {
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Action").ToListAsync(Ct));

        Assert.Equal(57, entries.Count(e => e.Operation == "Added"));
        Assert.All(entries, e => Assert.Equal("System", e.UserName));
        Assert.Contains(entries, e => e.EntityKey == "QP21");
    }

    [Fact]
    public async Task SavingAChange_BumpsTheVersionAndRecordsOldAndNewValues()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var action = await db.Actions.SingleAsync(a => a.Reference == "CS6", Ct);
        var version = action.Version;

        action.AssignLead("lead-user-id");
        await db.SaveChangesAsync(Ct);

        Assert.Equal(version + 1, action.Version);
        var entry = await db.AuditEntries.Where(e => e.EntityKey == "CS6" && e.Operation == "Modified").SingleAsync(Ct);
        var changes = JsonDocument.Parse(entry.Changes!).RootElement.EnumerateArray().ToList();
        var change = Assert.Single(changes);
        Assert.Equal("LeadUserId", change.GetProperty("Field").GetString());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("Old").ValueKind);
        Assert.Equal("lead-user-id", change.GetProperty("New").GetString());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, entry.OccurredAtUtc);
    }

    [Fact]
    public async Task LinkingAPriority_IsRecordedAsAChangeToTheAction()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var action = await db.Actions.Include(a => a.Priorities).SingleAsync(a => a.Reference == "E55", Ct);
        var priority = await db.Priorities.SingleAsync(p => p.Number == 8, Ct);

        action.ReplacePriorities([.. action.Priorities, priority]);
        await db.SaveChangesAsync(Ct);

        var entry = await db.AuditEntries.Where(e => e.EntityType == "Action" && e.EntityKey == "E55" && e.Changes!.Contains("Priorities"))
            .SingleAsync(Ct);
        var change = Assert.Single(JsonDocument.Parse(entry.Changes!).RootElement.EnumerateArray());
        Assert.Equal("Priority 8", change.GetProperty("New").GetString());
    }

    [Fact]
    public async Task TwoPeopleSavingTheSameAction_TheSecondIsRefused()
    {
        await using var first = factory.Scope();
        await using var second = factory.Scope();
        var db1 = first.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var mine = await db1.Actions.SingleAsync(a => a.Reference == "PM40", Ct);
        var theirs = await db2.Actions.SingleAsync(a => a.Reference == "PM40", Ct);

        mine.AssignLead("first");
        await db1.SaveChangesAsync(Ct);
        theirs.AssignLead("second");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync(Ct));
        Assert.Equal("first", await factory.WithDbAsync(db => db.Actions.Where(a => a.Reference == "PM40").Select(a => a.LeadUserId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedThroughTheApp()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ImprovementPlanDbContext>();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(Ct);

        db.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }
}
