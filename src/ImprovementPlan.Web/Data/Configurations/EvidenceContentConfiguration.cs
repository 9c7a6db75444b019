using ImprovementPlan.Domain.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.ToTable("EvidenceContent");
        builder.HasKey(c => c.EvidenceId);
        builder.Property(c => c.EvidenceId).ValueGeneratedNever();
        // Removing evidence (or the draft it belongs to) removes its bytes in the same statement.
        builder.HasOne<Evidence>().WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
