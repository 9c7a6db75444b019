using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImprovementPlan.Web.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MinutesStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.ChairUserId).HasMaxLength(450);
        builder.Property(m => m.MinutesAgreedByUserId).HasMaxLength(450);
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attendees).HasField("_attendees");
        builder.HasIndex(m => new { m.PlanId, m.Kind, m.Date });
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.GuestName).HasMaxLength(200);
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(a => new { a.MeetingId, a.UserId });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.PrimitiveCollection(i => i.Reasons).HasMaxLength(4000);
        builder.Property(i => i.Note).HasMaxLength(8000);
        builder.Property(i => i.Decision).HasMaxLength(4000);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId);
        builder.HasIndex(i => new { i.MeetingId, i.Order });
        // A subject appears once on an agenda, with all its reasons.
        builder.HasIndex(i => new { i.MeetingId, i.Subject, i.SubjectId }).IsUnique().HasFilter("SubjectId IS NOT NULL");
        builder.HasIndex(i => new { i.PlanId, i.Subject, i.SubjectId });
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.What).HasMaxLength(1000);
        builder.Property(f => f.OwnerUserId).HasMaxLength(450);
        builder.Property(f => f.ConfirmedByUserId).HasMaxLength(450);
        builder.Property(f => f.ClosingNote).HasMaxLength(4000);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<Plan>().WithMany().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(f => f.AgendaItemId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(f => new { f.PlanId, f.OwnerUserId, f.Status });
        builder.HasIndex(f => new { f.PlanId, f.Status });
    }
}

internal sealed class MinutesAmendmentConfiguration : IEntityTypeConfiguration<MinutesAmendment>
{
    public void Configure(EntityTypeBuilder<MinutesAmendment> builder)
    {
        builder.Property(a => a.OldNote).HasMaxLength(8000);
        builder.Property(a => a.NewNote).HasMaxLength(8000);
        builder.Property(a => a.OldDecision).HasMaxLength(4000);
        builder.Property(a => a.NewDecision).HasMaxLength(4000);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.ByUserId).HasMaxLength(450);
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(a => a.AgendaItemId);
    }
}
