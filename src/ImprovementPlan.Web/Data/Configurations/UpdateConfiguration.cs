using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.Property(u => u.AuthorUserId).HasMaxLength(450);
        builder.Property(u => u.AuthorName).HasMaxLength(200);
        builder.Property(u => u.Narrative).HasMaxLength(10000);
        builder.Property(u => u.NextSteps).HasMaxLength(10000);
        builder.Property(u => u.ImpactEvidence).HasMaxLength(10000);
        builder.Property(u => u.ProposedDeliveryRag).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.ProposedImpactRag).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.ProposedStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.ReviewerUserId).HasMaxLength(450);
        builder.Property(u => u.ReviewerName).HasMaxLength(200);
        builder.Property(u => u.ReviewComment).HasMaxLength(4000);
        builder.Property(u => u.Version).IsConcurrencyToken();

        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(u => u.ActionId);
        builder.HasOne<Priority>().WithMany().HasForeignKey(u => u.PriorityId);
        builder.HasMany(u => u.Evidence).WithOne().HasForeignKey(e => e.ProgressUpdateId);
        builder.Navigation(u => u.Evidence).HasField("_evidence");
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_ProgressUpdates_OneParent",
            "(\"ActionId\" IS NULL AND \"PriorityId\" IS NOT NULL) OR (\"ActionId\" IS NOT NULL AND \"PriorityId\" IS NULL)"));

        // Timelines read an action's or a priority's updates by date.
        builder.HasIndex(u => new { u.ActionId, u.AsAt });
        builder.HasIndex(u => new { u.PriorityId, u.AsAt });
        builder.HasIndex(u => new { u.State, u.SubmittedAtUtc });
        // One update per form: a second post of the same new-update form cannot insert a second row.
        builder.HasIndex(u => u.FormKey).IsUnique();
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.OriginalFileName).HasMaxLength(260);
        builder.Property(e => e.StoredName).HasMaxLength(100);
        builder.Property(e => e.ContentType).HasMaxLength(200);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
