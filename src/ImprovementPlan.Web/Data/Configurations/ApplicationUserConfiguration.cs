using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        // The plan the user last chose; a deleted plan (never done today) leaves them on the first active one.
        builder.HasOne<Plan>().WithMany().HasForeignKey(u => u.CurrentPlanId).OnDelete(DeleteBehavior.SetNull);
    }
}
