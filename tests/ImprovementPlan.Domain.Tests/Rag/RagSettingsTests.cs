using System.ComponentModel.DataAnnotations;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Tests.Rag;

public class RagSettingsTests
{
    private static List<ValidationResult> Validate(RagSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreTheAgreedThresholds()
    {
        var settings = new RagSettings();

        Assert.Equal(14, settings.DueSoonDays);
        Assert.Equal(28, settings.RecentUpdateDays);
        Assert.Equal(14, settings.ReviewCycleDays);
        Assert.Equal(0.05m, settings.MeasureTolerance);
        Assert.Equal("Rag", RagSettings.SectionName);
        Assert.Empty(Validate(settings));
    }

    [Theory]
    [InlineData(-1, 28, 14, nameof(RagSettings.DueSoonDays))]
    [InlineData(14, -1, 14, nameof(RagSettings.RecentUpdateDays))]
    [InlineData(14, 28, -1, nameof(RagSettings.ReviewCycleDays))]
    [InlineData(14, 28, 367, nameof(RagSettings.ReviewCycleDays))]
    public void Validation_NegativeOrOverAYearOfDays_IsRejected(int dueSoonDays, int recentUpdateDays, int reviewCycleDays, string expectedMember)
    {
        var settings = new RagSettings { DueSoonDays = dueSoonDays, RecentUpdateDays = recentUpdateDays, ReviewCycleDays = reviewCycleDays };

        var result = Assert.Single(Validate(settings));

        Assert.Equal([expectedMember], result.MemberNames);
    }

    public static TheoryData<decimal, bool> Tolerances => new()
    {
        { -0.01m, false },
        { 0m, true },
        { 0.05m, true },
        { 1m, true },
        { 1.01m, false },
    };

    [Theory]
    [MemberData(nameof(Tolerances))]
    public void Validation_MeasureTolerance_IsAFractionFromZeroToOne(decimal tolerance, bool expectedValid)
    {
        var settings = new RagSettings { MeasureTolerance = tolerance };

        Assert.Equal(expectedValid, Validate(settings).Count == 0);
    }
}
