using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Auditing;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Data;

/// <summary>
/// The application's one model. Each database provider has a subclass of its own so that each keeps
/// its own migration set (see <see cref="SqliteImprovementPlanDbContext"/> and
/// <see cref="SqlServerImprovementPlanDbContext"/>).
/// </summary>
public abstract class ImprovementPlanDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Stage> Stages => Set<Stage>();

    public DbSet<SourceReview> SourceReviews => Set<SourceReview>();

    public DbSet<Workstream> Workstreams => Set<Workstream>();

    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<ImprovementAction> Actions => Set<ImprovementAction>();

    public DbSet<DueDateChange> DueDateChanges => Set<DueDateChange>();

    public DbSet<RatingDecision> RatingDecisions => Set<RatingDecision>();

    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<MeasureTarget> MeasureTargets => Set<MeasureTarget>();

    public DbSet<MeasureActual> MeasureActuals => Set<MeasureActual>();

    public DbSet<MeasureComparator> MeasureComparators => Set<MeasureComparator>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<MinutesAmendment> MinutesAmendments => Set<MinutesAmendment>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportSection> ReportSections => Set<ReportSection>();

    public DbSet<PublishedReport> PublishedReports => Set<PublishedReport>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ImprovementPlanDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>The SQLite model and migrations (the embedded default).</summary>
public sealed class SqliteImprovementPlanDbContext(DbContextOptions<SqliteImprovementPlanDbContext> options)
    : ImprovementPlanDbContext(options);

/// <summary>The SQL Server model and migrations (production).</summary>
public sealed class SqlServerImprovementPlanDbContext(DbContextOptions<SqlServerImprovementPlanDbContext> options)
    : ImprovementPlanDbContext(options);
