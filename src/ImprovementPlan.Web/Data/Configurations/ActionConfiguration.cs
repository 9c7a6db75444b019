using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class ActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Reference).HasMaxLength(10);
        builder.Property(a => a.LinkTo).HasMaxLength(100);
        builder.Property(a => a.Timeframe).HasMaxLength(100);
        builder.Property(a => a.SeniorResponsibleOfficer).HasMaxLength(300);
        builder.Property(a => a.LeadOfficer).HasMaxLength(300);
        builder.Property(a => a.LeadUserId).HasMaxLength(450);
        builder.Property(a => a.SeniorResponsibleUserId).HasMaxLength(450);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DeliveryRagOverride).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.DeliveryRagOverrideReason).HasMaxLength(2000);
        builder.Property(a => a.ImpactRag).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ImpactRagNote).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId);
        builder.HasOne(a => a.Workstream).WithMany().HasForeignKey(a => a.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(a => a.CopiedFromActionId).OnDelete(DeleteBehavior.NoAction);

        builder.HasMany(a => a.Priorities).WithMany().UsingEntity("ActionPriorities");
        builder.HasMany(a => a.SourceReviews).WithMany().UsingEntity("ActionSourceReviews");
        builder.Navigation(a => a.Priorities).HasField("_priorities");
        builder.Navigation(a => a.SourceReviews).HasField("_sourceReviews");

        // Pages address actions by plan and reference (/actions/QP21) and list them in plan order.
        builder.HasIndex(a => new { a.PlanId, a.Reference }).IsUnique();
        builder.HasIndex(a => new { a.PlanId, a.Sequence });
        builder.HasIndex(a => a.LeadUserId);
        builder.HasIndex(a => a.SeniorResponsibleUserId);
        builder.HasIndex(a => a.DueDate);
    }
}

internal sealed class DueDateChangeConfiguration : IEntityTypeConfiguration<DueDateChange>
{
    public void Configure(EntityTypeBuilder<DueDateChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.RequestedByUserId).HasMaxLength(450);
        builder.Property(c => c.RequestedByName).HasMaxLength(200);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DecidedByUserId).HasMaxLength(450);
        builder.Property(c => c.DecidedByName).HasMaxLength(200);
        builder.Property(c => c.DecisionComment).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(c => c.ActionId);
        builder.HasIndex(c => new { c.ActionId, c.RequestedAtUtc });
        builder.HasIndex(c => c.State);
        // At most one request per action waits for a decision, however many posts race.
        builder.HasIndex(c => c.ActionId, PendingPerActionIndex).IsUnique().HasFilter("State = 'Pending'");
    }

    public const string PendingPerActionIndex = "IX_DueDateChanges_OnePendingPerAction";
}

internal sealed class RatingDecisionConfiguration : IEntityTypeConfiguration<RatingDecision>
{
    public void Configure(EntityTypeBuilder<RatingDecision> builder)
    {
        builder.Property(d => d.DeliveryOverride).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.OverrideReason).HasMaxLength(2000);
        builder.Property(d => d.ImpactRag).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.ImpactNote).HasMaxLength(2000);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);
        builder.Property(d => d.DecidedByName).HasMaxLength(200);
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(d => d.ActionId);
        builder.HasIndex(d => new { d.ActionId, d.DecidedAtUtc });
    }
}
