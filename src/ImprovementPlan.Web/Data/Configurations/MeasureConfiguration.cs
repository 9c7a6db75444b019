using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(50);
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TrajectoryShape).HasConversion<string>().HasMaxLength(20).HasDefaultValue(TrajectoryShape.Stepped);
        builder.Property(m => m.Owner).HasMaxLength(300);
        builder.Property(m => m.DataOwnerUserId).HasMaxLength(450);
        builder.Property(m => m.Source).HasMaxLength(1000);
        builder.Property(m => m.SourceText).HasMaxLength(4000);
        builder.Property(m => m.BaselinePeriodLabel).HasMaxLength(100);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsRetired);
        builder.Ignore(m => m.Definition);
        builder.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId);
        builder.HasOne<Priority>().WithMany().HasForeignKey(m => m.PriorityId);
        builder.HasMany(m => m.Targets).WithOne().HasForeignKey(t => t.MeasureId);
        builder.HasMany(m => m.Actuals).WithOne().HasForeignKey(a => a.MeasureId);
        builder.HasMany(m => m.Comparators).WithOne().HasForeignKey(c => c.MeasureId);
        builder.HasMany(m => m.LinkedPriorities).WithMany().UsingEntity("MeasurePriorities");
        builder.HasMany(m => m.LinkedActions).WithMany().UsingEntity("MeasureActions");
        builder.Navigation(m => m.Targets).HasField("_targets");
        builder.Navigation(m => m.Actuals).HasField("_actuals");
        builder.Navigation(m => m.Comparators).HasField("_comparators");
        builder.Navigation(m => m.LinkedPriorities).HasField("_linkedPriorities");
        builder.Navigation(m => m.LinkedActions).HasField("_linkedActions");
        builder.HasIndex(m => new { m.PlanId, m.Code }).IsUnique();

        // The figures grid finds a data owner's measures.
        builder.HasIndex(m => m.DataOwnerUserId);
    }
}

internal sealed class MeasureTargetConfiguration : IEntityTypeConfiguration<MeasureTarget>
{
    public void Configure(EntityTypeBuilder<MeasureTarget> builder)
    {
        builder.Property(t => t.Label).HasMaxLength(100);
        builder.Property(t => t.Note).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.MeasureId, t.Date }).IsUnique();
    }
}

internal sealed class MeasureActualConfiguration : IEntityTypeConfiguration<MeasureActual>
{
    public void Configure(EntityTypeBuilder<MeasureActual> builder)
    {
        builder.Property(a => a.PeriodLabel).HasMaxLength(100);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(450);
        builder.Property(a => a.RecordedBy).HasMaxLength(300);
        builder.Property(a => a.CorrectionReason).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Period);

        // One figure per measure and period: a second one is a correction of the first.
        builder.HasIndex(a => new { a.MeasureId, a.PeriodStart, a.PeriodEnd }).IsUnique();

        // Charts and ratings read a measure's actuals by period.
        builder.HasIndex(a => new { a.MeasureId, a.PeriodEnd });
    }
}

internal sealed class MeasureComparatorConfiguration : IEntityTypeConfiguration<MeasureComparator>
{
    public void Configure(EntityTypeBuilder<MeasureComparator> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30).HasDefaultValue(ComparatorKind.Other);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.PeriodLabel).HasMaxLength(100);
        builder.Property(c => c.Source).HasMaxLength(1000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.MeasureId, c.Kind, c.Name, c.PeriodStart, c.PeriodEnd }).IsUnique();
    }
}
