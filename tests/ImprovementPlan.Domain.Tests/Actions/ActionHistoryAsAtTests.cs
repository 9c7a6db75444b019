using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using RagValue = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Domain.Tests.Actions;

/// <summary>An action replayed to a date: only what was approved or decided by that date counts.</summary>
public class ActionHistoryAsAtTests
{
    private static readonly RagSettings Settings = new();
    private static readonly DateOnly ReportDate = new(2021, 3, 17);

    public static TheoryData<string, ActionHistory, RagValue> DeliveryOnTheReportDate => new()
    {
        {
            "CS11 due 31 August 2021, nothing else: on track in March",
            new ActionHistory { OriginalDueDate = new DateOnly(2021, 8, 31) },
            RagValue.Green
        },
        {
            "an override to Red made in 2026 does not reach back to March 2021",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 8, 31),
                RatingDecisions = [new RatingsDecided(new DateOnly(2026, 12, 2), RagValue.Red, "Late", null, false)],
            },
            RagValue.Green
        },
        {
            "an override made before the date stands on the date",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 8, 31),
                RatingDecisions = [new RatingsDecided(new DateOnly(2021, 3, 1), RagValue.Amber, "Staffing", null, false)],
            },
            RagValue.Amber
        },
        {
            "an override cleared after the date still stood on the date",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 8, 31),
                RatingDecisions =
                [
                    new RatingsDecided(new DateOnly(2021, 3, 1), RagValue.Amber, "Staffing", null, false),
                    new RatingsDecided(new DateOnly(2021, 4, 1), null, null, null, false),
                ],
            },
            RagValue.Amber
        },
        {
            "an override with no history behind it counts only from the day it is known",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 8, 31),
                Unrecorded = new UnrecordedRatings(new DateOnly(2026, 12, 2), RagValue.Red, "Late", null, null),
            },
            RagValue.Green
        },
        {
            "due 1 March, moved to 30 June after the report date: overdue on the date",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 3, 1),
                DueDateMoves = [new DueDateMove(new DateOnly(2021, 4, 2), new DateOnly(2021, 6, 30))],
                ApprovedUpdates = [new ApprovedProgress(new DateOnly(2021, 3, 10), new DateOnly(2021, 3, 10), null, ActionStatus.InProgress)],
            },
            RagValue.Red
        },
        {
            "due 1 March, moved to 30 June before the report date: on track on the date",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 3, 1),
                DueDateMoves = [new DueDateMove(new DateOnly(2021, 2, 20), new DateOnly(2021, 6, 30))],
                ApprovedUpdates = [new ApprovedProgress(new DateOnly(2021, 3, 10), new DateOnly(2021, 3, 10), null, ActionStatus.InProgress)],
            },
            RagValue.Green
        },
        {
            "an update proposing Red approved after the date does not count",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 8, 31),
                ApprovedUpdates = [new ApprovedProgress(new DateOnly(2021, 3, 20), new DateOnly(2021, 3, 15), RagValue.Red, null)],
            },
            RagValue.Green
        },
        {
            "an update proposing Red approved on the date counts",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 8, 31),
                ApprovedUpdates = [new ApprovedProgress(ReportDate, new DateOnly(2021, 3, 15), RagValue.Red, null)],
            },
            RagValue.Red
        },
        {
            "completed by an update approved after the date: still overdue on the date",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 2, 28),
                ApprovedUpdates = [new ApprovedProgress(new DateOnly(2021, 4, 1), new DateOnly(2021, 3, 31), null, ActionStatus.Complete)],
            },
            RagValue.Red
        },
        {
            "completed and confirmed embedded before the date: Blue",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 2, 28),
                ApprovedUpdates = [new ApprovedProgress(new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 1), null, ActionStatus.Complete)],
                RatingDecisions = [new RatingsDecided(new DateOnly(2021, 2, 10), null, null, null, true)],
            },
            RagValue.Blue
        },
        {
            "complete before the date, confirmed embedded after it: Green",
            new ActionHistory
            {
                OriginalDueDate = new DateOnly(2021, 2, 28),
                ApprovedUpdates = [new ApprovedProgress(new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 1), null, ActionStatus.Complete)],
                RatingDecisions = [new RatingsDecided(new DateOnly(2021, 5, 10), null, null, null, true)],
            },
            RagValue.Green
        },
    };

    [Theory]
    [MemberData(nameof(DeliveryOnTheReportDate))]
    public void Delivery_IsRatedFromWhatStoodOnTheDate(string because, ActionHistory history, RagValue expected)
    {
        ArgumentNullException.ThrowIfNull(history);

        var rating = history.At(ReportDate).Delivery(Settings);

        Assert.True(expected == rating.Rag, $"{because}: expected {expected}, was {rating.Rag} ({rating.Reason})");
    }

    [Fact]
    public void DueDate_IsTheOneApprovedByTheDate()
    {
        var history = new ActionHistory
        {
            OriginalDueDate = new DateOnly(2021, 3, 31),
            DueDateMoves =
            [
                new DueDateMove(new DateOnly(2021, 3, 1), new DateOnly(2021, 5, 31)),
                new DueDateMove(new DateOnly(2021, 5, 20), new DateOnly(2021, 9, 30)),
            ],
        };

        Assert.Equal(new DateOnly(2021, 3, 31), history.At(new DateOnly(2021, 2, 28)).DueDate);
        Assert.Equal(new DateOnly(2021, 5, 31), history.At(ReportDate).DueDate);
        Assert.Equal(new DateOnly(2021, 9, 30), history.At(new DateOnly(2021, 6, 1)).DueDate);
    }

    [Fact]
    public void Status_AndStaleness_FollowTheUpdatesApprovedByTheDate()
    {
        var history = new ActionHistory
        {
            OriginalDueDate = new DateOnly(2021, 12, 31),
            ApprovedUpdates =
            [
                new ApprovedProgress(new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 4), null, ActionStatus.InProgress),
                new ApprovedProgress(new DateOnly(2021, 3, 20), new DateOnly(2021, 3, 19), null, ActionStatus.Complete),
            ],
        };

        var onTheDate = history.At(ReportDate);
        var later = history.At(new DateOnly(2021, 4, 1));

        Assert.Equal(ActionStatus.InProgress, onTheDate.Status);
        Assert.Equal(new DateOnly(2021, 1, 4), onTheDate.LastApprovedUpdateOn);
        Assert.True(onTheDate.IsStale(Settings));
        Assert.Equal(ActionStatus.Complete, later.Status);
        Assert.Equal(new DateOnly(2021, 3, 19), later.CompletedOn);
        Assert.False(later.IsStale(Settings));
    }

    [Fact]
    public void ImpactRating_IsTheOneDecidedByTheDate()
    {
        var history = new ActionHistory
        {
            RatingDecisions =
            [
                new RatingsDecided(new DateOnly(2021, 1, 1), null, null, RagValue.Amber, false),
                new RatingsDecided(new DateOnly(2021, 6, 1), null, null, RagValue.Green, false),
            ],
        };

        Assert.Null(history.At(new DateOnly(2020, 12, 31)).ImpactRag);
        Assert.Equal(RagValue.Amber, history.At(ReportDate).ImpactRag);
        Assert.Equal(RagValue.Green, history.At(new DateOnly(2021, 6, 1)).ImpactRag);
    }
}
