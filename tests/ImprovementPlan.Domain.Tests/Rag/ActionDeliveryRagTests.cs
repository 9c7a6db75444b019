using System.Globalization;
using ImprovementPlan.Domain.Rag;
// The enum shares its name with the Rag namespaces, so inside ImprovementPlan.Domain.Tests.Rag it needs an alias.
using RagColour = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Domain.Tests.Rag;

public class ActionDeliveryRagTests
{
    // LG1 was due on 31 October 2020; "today" is the day after.
    private static readonly DateOnly Today = new(2020, 11, 1);
    private static readonly RagSettings Settings = new();

    private static ActionDeliveryFacts Outstanding(int? dueInDays, int? lastApprovedUpdateDaysAgo = null, RagColour? proposed = null) =>
        new()
        {
            DueDate = dueInDays is { } due ? Today.AddDays(due) : null,
            LastApprovedUpdateOn = lastApprovedUpdateDaysAgo is { } ago ? Today.AddDays(-ago) : null,
            ProposedRag = proposed,
        };

    private static DeliveryRating Rate(ActionDeliveryFacts facts, RagSettings? settings = null) =>
        ActionDeliveryRag.Rate(facts, Today, settings ?? Settings);

    [Theory]
    [InlineData(-30, RagColour.Red)]
    [InlineData(5, null)]
    [InlineData(null, RagColour.Amber)]
    public void Rating_CompleteAndEmbeddedConfirmed_IsBlue(int? dueInDays, RagColour? proposed)
    {
        var facts = Outstanding(dueInDays, proposed: proposed) with { IsComplete = true, IsEmbeddedConfirmed = true };

        var rating = Rate(facts);

        Assert.Equal(RagColour.Blue, rating.Rag);
        Assert.Equal("Complete and embedded, confirmed by the Service Director", rating.Reason);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-200)]
    [InlineData(3)]
    [InlineData(null)]
    public void Rating_CompleteButNotEmbedded_IsGreenEvenWhenCompletedAfterItsDueDate(int? dueInDays)
    {
        var facts = Outstanding(dueInDays, proposed: RagColour.Red) with { IsComplete = true };

        var rating = Rate(facts);

        Assert.Equal(RagColour.Green, rating.Rag);
        Assert.Equal("Complete", rating.Reason);
    }

    [Fact]
    public void Rating_EmbeddedConfirmedButNotComplete_IsNotBlue()
    {
        var facts = Outstanding(dueInDays: -1) with { IsEmbeddedConfirmed = true };

        Assert.Equal(RagColour.Red, Rate(facts).Rag);
    }

    [Theory]
    [InlineData(-365, null)]
    [InlineData(-1, null)]
    [InlineData(-1, RagColour.Green)]
    [InlineData(-1, RagColour.Amber)]
    public void Rating_PastDueAndNotComplete_IsRedEvenWithARecentUpdate(int dueInDays, RagColour? proposed)
    {
        var rating = Rate(Outstanding(dueInDays, lastApprovedUpdateDaysAgo: 0, proposed));

        Assert.Equal(RagColour.Red, rating.Rag);
    }

    [Theory]
    [InlineData(-1, RagColour.Red)] // due yesterday
    [InlineData(0, RagColour.Amber)] // due today
    [InlineData(1, RagColour.Amber)] // due tomorrow
    [InlineData(14, RagColour.Amber)] // exactly DueSoonDays away
    [InlineData(15, RagColour.Green)] // one day beyond
    [InlineData(null, RagColour.Green)] // no due date
    public void Rating_NoApprovedUpdate_DependsOnHowSoonItIsDue(int? dueInDays, RagColour expected)
    {
        var rating = Rate(Outstanding(dueInDays, lastApprovedUpdateDaysAgo: null));

        Assert.Equal(expected, rating.Rag);
    }

    [Theory]
    [InlineData(null, RagColour.Amber)] // never updated
    [InlineData(29, RagColour.Amber)] // one day more than RecentUpdateDays
    [InlineData(28, RagColour.Green)] // exactly RecentUpdateDays ago still counts as recent
    [InlineData(0, RagColour.Green)]
    public void Rating_DueSoon_DependsOnHowRecentTheLastApprovedUpdateIs(int? lastApprovedUpdateDaysAgo, RagColour expected)
    {
        var rating = Rate(Outstanding(dueInDays: 7, lastApprovedUpdateDaysAgo));

        Assert.Equal(expected, rating.Rag);
    }

    [Theory]
    [InlineData(RagColour.Red, RagColour.Red)]
    [InlineData(RagColour.Amber, RagColour.Amber)]
    [InlineData(RagColour.Green, RagColour.Green)]
    [InlineData(RagColour.Blue, RagColour.Green)] // only the Service Director's confirmation makes an action Blue
    [InlineData(null, RagColour.Green)]
    public void Rating_NotDueSoon_FollowsAProposedRedOrAmber(RagColour? proposed, RagColour expected)
    {
        var rating = Rate(Outstanding(dueInDays: 60, lastApprovedUpdateDaysAgo: 3, proposed));

        Assert.Equal(expected, rating.Rag);
    }

    [Theory]
    [InlineData(null, null, RagColour.Green)]
    [InlineData(365, null, RagColour.Green)]
    [InlineData(null, RagColour.Amber, RagColour.Amber)]
    [InlineData(null, RagColour.Red, RagColour.Red)]
    public void Rating_NoDueDate_IgnoresTheDateRules(int? lastApprovedUpdateDaysAgo, RagColour? proposed, RagColour expected)
    {
        var rating = Rate(Outstanding(dueInDays: null, lastApprovedUpdateDaysAgo, proposed));

        Assert.Equal(expected, rating.Rag);
    }

    [Theory]
    [InlineData(-1, 0, RagColour.Amber, RagColour.Red, "Past its due date of 31 October 2020 and not complete")]
    [InlineData(7, null, RagColour.Red, RagColour.Red, "Red was proposed in the latest approved update")]
    [InlineData(7, null, RagColour.Amber, RagColour.Amber, "Due by 8 November 2020 with no approved update in the last 28 days")]
    [InlineData(7, 28, RagColour.Amber, RagColour.Amber, "Amber was proposed in the latest approved update")]
    [InlineData(15, null, null, RagColour.Green, "On track")]
    public void Rating_SeveralRulesMatch_TheFirstInOrderGivesTheRatingAndReason(
        int? dueInDays, int? lastApprovedUpdateDaysAgo, RagColour? proposed, RagColour expected, string expectedReason)
    {
        var rating = Rate(Outstanding(dueInDays, lastApprovedUpdateDaysAgo, proposed));

        Assert.Equal(expected, rating.Rag);
        Assert.Equal(expectedReason, rating.Reason);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")] // a non-Gregorian default calendar
    public void Reason_PastDue_GivesTheDueDateInEnglishWhateverTheCulture(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);

            var rating = Rate(Outstanding(dueInDays: -1));

            Assert.Equal("Past its due date of 31 October 2020 and not complete", rating.Reason);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Rating_NotOverridden_ShowsTheComputedRating()
    {
        var rating = Rate(Outstanding(dueInDays: -1));

        Assert.Equal(new DeliveryRating(RagColour.Red, RagColour.Red, false, "Past its due date of 31 October 2020 and not complete"), rating);
    }

    [Theory]
    [InlineData(-1, RagColour.Green, RagColour.Red)]
    [InlineData(60, RagColour.Red, RagColour.Green)]
    [InlineData(7, RagColour.Blue, RagColour.Amber)]
    [InlineData(60, RagColour.Green, RagColour.Green)] // set to what the rules say: still shown as set by the Service Director
    public void Rating_OverriddenByTheServiceDirector_ShowsTheOverrideAndKeepsTheComputedRating(
        int dueInDays, RagColour overrideRag, RagColour expectedComputed)
    {
        var facts = Outstanding(dueInDays) with
        {
            OverrideRag = overrideRag,
            OverrideReason = "Recovery plan agreed at the Improvement Board",
        };

        var rating = Rate(facts);

        Assert.Equal(overrideRag, rating.Rag);
        Assert.Equal(expectedComputed, rating.Computed);
        Assert.True(rating.IsOverridden);
        Assert.Equal("Set by the Service Director: Recovery plan agreed at the Improvement Board", rating.Reason);
    }

    [Fact]
    public void Rating_CompleteAndEmbeddedButOverridden_KeepsBlueAsTheComputedRating()
    {
        var facts = Outstanding(dueInDays: 60) with
        {
            IsComplete = true,
            IsEmbeddedConfirmed = true,
            OverrideRag = RagColour.Amber,
            OverrideReason = "Audit found practice slipping",
        };

        var rating = Rate(facts);

        Assert.Equal(new DeliveryRating(RagColour.Amber, RagColour.Blue, true, "Set by the Service Director: Audit found practice slipping"), rating);
    }

    [Theory]
    [InlineData("Caseloads still too high", "Set by the Service Director: Caseloads still too high")]
    [InlineData("  Caseloads still too high\n", "Set by the Service Director: Caseloads still too high")]
    [InlineData(null, "Set by the Service Director")]
    [InlineData("", "Set by the Service Director")]
    [InlineData("   ", "Set by the Service Director")]
    public void Reason_Overridden_QuotesTheServiceDirectorsReasonWhenGiven(string? overrideReason, string expected)
    {
        var facts = Outstanding(dueInDays: 60) with { OverrideRag = RagColour.Red, OverrideReason = overrideReason };

        Assert.Equal(expected, Rate(facts).Reason);
    }

    [Theory]
    [InlineData(7, 28, 7, null, RagColour.Amber)]
    [InlineData(7, 28, 8, null, RagColour.Green)]
    [InlineData(14, 7, 3, 7, RagColour.Green)]
    [InlineData(14, 7, 3, 8, RagColour.Amber)]
    public void Rating_ThresholdsComeFromTheSettings(
        int dueSoonDays, int recentUpdateDays, int dueInDays, int? lastApprovedUpdateDaysAgo, RagColour expected)
    {
        var settings = new RagSettings { DueSoonDays = dueSoonDays, RecentUpdateDays = recentUpdateDays };

        var rating = Rate(Outstanding(dueInDays, lastApprovedUpdateDaysAgo), settings);

        Assert.Equal(expected, rating.Rag);
    }

    [Fact]
    public void Reason_RecentUpdateDaysOfOne_IsSingular()
    {
        var settings = new RagSettings { RecentUpdateDays = 1 };

        var rating = Rate(Outstanding(dueInDays: 0), settings);

        Assert.Equal("Due by 1 November 2020 with no approved update in the last 1 day", rating.Reason);
    }
}
