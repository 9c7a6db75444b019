using ImprovementPlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Organisation).HasMaxLength(300);
        builder.Property(p => p.Summary).HasMaxLength(4000);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.OldLaCode).HasMaxLength(3);
        builder.Property(p => p.NewLaCode).HasMaxLength(9);
        builder.Property(p => p.RegionCode).HasMaxLength(9);
        builder.Property(p => p.RegionName).HasMaxLength(100);
        builder.HasOne<Plan>().WithMany().HasForeignKey(p => p.CopiedFromPlanId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Organisation, p.Title }).IsUnique();
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.TargetDateText).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId);
        builder.HasIndex(s => new { s.PlanId, s.Number }).IsUnique();
    }
}

internal sealed class SourceReviewConfiguration : IEntityTypeConfiguration<SourceReview>
{
    public void Configure(EntityTypeBuilder<SourceReview> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.DateText).HasMaxLength(50);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId);
        builder.HasIndex(s => new { s.PlanId, s.Code }).IsUnique();
    }
}

internal sealed class WorkstreamConfiguration : IEntityTypeConfiguration<Workstream>
{
    public void Configure(EntityTypeBuilder<Workstream> builder)
    {
        builder.Property(w => w.Code).HasMaxLength(10);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.AccountableLead).HasMaxLength(300);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(w => w.PlanId);
        builder.HasIndex(w => new { w.PlanId, w.Code }).IsUnique();
    }
}

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Heading).HasMaxLength(500);
        builder.Property(p => p.LeadUserId).HasMaxLength(450);
        builder.Property(p => p.LeadJobTitle).HasMaxLength(300);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId);
        builder.HasIndex(p => new { p.PlanId, p.Number }).IsUnique();
        builder.HasIndex(p => p.LeadUserId);
    }
}
