using ImprovementPlan.Domain.Auditing;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.AgendaItem).HasMaxLength(20);
        builder.Property(r => r.Committee).HasMaxLength(300);
        builder.Property(r => r.Author).HasMaxLength(300);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId);
        builder.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId);
        builder.Navigation(r => r.Sections).HasField("_sections");
        // One report of each kind per date: preparing it twice finds the first.
        builder.HasIndex(r => new { r.PlanId, r.Kind, r.ReportDate }).IsUnique();
    }
}

internal sealed class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(50);
        builder.Property(s => s.Heading).HasMaxLength(200);
        builder.Property(s => s.Body).HasMaxLength(20000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ReportId, s.Key }).IsUnique();
    }
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.PublishedByUserId).HasMaxLength(450);
        builder.Property(p => p.PublishedByName).HasMaxLength(200);
        builder.Property(p => p.SnapshotJson).HasMaxLength(1_000_000);
        builder.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId);
        builder.HasIndex(p => new { p.ReportId, p.VersionNumber }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Roles).HasMaxLength(200);
        builder.Property(a => a.EntityType).HasMaxLength(50);
        builder.Property(a => a.EntityKey).HasMaxLength(100);
        builder.Property(a => a.Operation).HasMaxLength(50);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.UserId, a.OccurredAtUtc });
        builder.HasIndex(a => a.OccurredAtUtc);
    }
}
