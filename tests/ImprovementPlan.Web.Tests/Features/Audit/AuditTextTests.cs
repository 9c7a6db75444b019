using ImprovementPlan.Web.Features.Audit;

namespace ImprovementPlan.Web.Tests.Features.Audit;

/// <summary>Stored audit values as people read them.</summary>
public sealed class AuditTextTests
{
    private static readonly Dictionary<string, string> Names = new() { ["0f8b-user"] = "Sam Lead" };

    [Theory]
    [InlineData("DeliveryRagOverride", "Delivery rating set by the Service Director")]
    [InlineData("ImpactRag", "Impact rating")]
    [InlineData("LeadUserId", "Lead")]
    [InlineData("IsActive", "Is active")]
    [InlineData("SomeNewRag", "Some new rating")]
    [InlineData("PublishedAtUtc", "Published at")]
    public void Label_IsWrittenInWords(string field, string expected) => Assert.Equal(expected, AuditText.Label(field));

    [Theory]
    [InlineData("Status", "NotYetReported", "Not yet reported")]
    [InlineData("Status", "InProgress", "In progress")]
    [InlineData("DeliveryRagOverride", "Amber", "Amber")]
    [InlineData("DueDate", "05/28/2020", "28 May 2020")]
    [InlineData("AsAt", "2020-05-28", "28 May 2020")]
    [InlineData("ReviewedAtUtc", "12/02/2026 14:05:00", "2 December 2026, 14:05")]
    [InlineData("ReviewedAtUtc", "06/01/2026 13:05:00", "1 June 2026, 14:05")]
    [InlineData("IsActive", "True", "Yes")]
    [InlineData("LeadUserId", "0f8b-user", "Sam Lead")]
    [InlineData("SizeBytes", "193", "193 bytes")]
    [InlineData("Narrative", "We audited 40 files.", "We audited 40 files.")]
    public void Value_IsWrittenInWordsWithUkDates(string field, string stored, string expected) =>
        Assert.Equal(expected, AuditText.Value(field, stored, Names));
}
