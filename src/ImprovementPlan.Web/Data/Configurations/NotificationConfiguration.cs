using ImprovementPlan.Domain.Notifications;
using ImprovementPlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.RecipientUserId).HasMaxLength(450);
        builder.Property(m => m.RecipientAddress).HasMaxLength(OutboxMessage.AddressLimit);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectLimit);
        builder.Property(m => m.EventKey).HasMaxLength(OutboxMessage.EventKeyLimit);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLimit);
        builder.Ignore(m => m.State);
        builder.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
        // One message per recipient per event: a second write of the same event is refused by the database.
        builder.HasIndex(m => new { m.EventKey, m.RecipientAddress }).IsUnique();
        // What the sender looks for: unsent, unfailed messages that are due.
        builder.HasIndex(m => new { m.SentAtUtc, m.FailedAtUtc, m.NextAttemptAtUtc });
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(j => j.JobName).HasMaxLength(JobRun.NameLimit);
        builder.Property(j => j.Key).HasMaxLength(JobRun.KeyLimit);
        builder.Property(j => j.ClaimedBy).HasMaxLength(100);
        builder.HasIndex(j => new { j.JobName, j.Key }).IsUnique();
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        builder.Property(n => n.EventKey).HasMaxLength(OutboxMessage.EventKeyLimit);
        builder.Property(n => n.Text).HasMaxLength(Notice.TextLimit);
        builder.Property(n => n.LinkPath).HasMaxLength(300);
        builder.HasOne<Plan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.EventKey, n.RecipientUserId }).IsUnique();
        builder.HasIndex(n => new { n.DigestedAtUtc, n.RecipientUserId });
    }
}
