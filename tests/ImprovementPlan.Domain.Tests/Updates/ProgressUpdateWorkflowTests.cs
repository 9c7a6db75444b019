using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Updates;
using RagValue = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Domain.Tests.Updates;

public class ProgressUpdateWorkflowTests
{
    private static readonly DateTime Now = new(2021, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2021, 3, 1);

    private static ProgressUpdate Draft() =>
        ProgressUpdate.DraftOnAction(7, "author-id", "Head of Service", Today, "Audits started.", Now);

    private static ProgressUpdate InState(UpdateState state)
    {
        var update = Draft();
        if (state == UpdateState.Draft)
        {
            return update;
        }

        update.Submit(Now);
        if (state == UpdateState.Approved)
        {
            update.Approve("sd", "Service Director", Now);
        }
        else if (state == UpdateState.Returned)
        {
            update.Return("sd", "Service Director", Now, "Say which teams were audited.");
        }

        return update;
    }

    private static UpdateContent Content(string narrative = "Audits finished.", ActionStatus? status = ActionStatus.InProgress) =>
        new(narrative, "Report to the board.", "Fewer re-referrals.", RagValue.Green, RagValue.Amber, status);

    [Theory]
    [InlineData(UpdateState.Draft)]
    [InlineData(UpdateState.Returned)]
    public void Revise_DraftOrReturned_ChangesTheText(UpdateState state)
    {
        var update = InState(state);

        update.Revise(Content(), Today.AddDays(3));

        Assert.Equal("Audits finished.", update.Narrative);
        Assert.Equal("Report to the board.", update.NextSteps);
        Assert.Equal("Fewer re-referrals.", update.ImpactEvidence);
        Assert.Equal(RagValue.Green, update.ProposedDeliveryRag);
        Assert.Equal(RagValue.Amber, update.ProposedImpactRag);
        Assert.Equal(ActionStatus.InProgress, update.ProposedStatus);
        Assert.Equal(Today.AddDays(3), update.AsAt);
        Assert.Equal(state, update.State);
    }

    [Theory]
    [InlineData(UpdateState.Submitted)]
    [InlineData(UpdateState.Approved)]
    public void Revise_SubmittedOrApproved_IsRefusedAndChangesNothing(UpdateState state)
    {
        var update = InState(state);

        Assert.Throws<DomainRuleException>(() => update.Revise(Content(), Today));

        Assert.Equal("Audits started.", update.Narrative);
        Assert.Null(update.ProposedStatus);
    }

    [Fact]
    public void Revise_StatusOnAPriorityUpdate_IsRefused()
    {
        var update = ProgressUpdate.DraftOnPriority(2, "author-id", "Head of Service", Today, "Audits started.", Now);

        Assert.Throws<DomainRuleException>(() => update.Revise(Content(), Today));
        update.Revise(Content(status: null), Today);
        Assert.Equal("Audits finished.", update.Narrative);
    }

    [Fact]
    public void Revise_BackToNotYetReported_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => Draft().Revise(Content(status: ActionStatus.NotYetReported), Today));
    }

    [Theory]
    [InlineData(UpdateState.Draft)]
    [InlineData(UpdateState.Returned)]
    public void AttachAndRemoveEvidence_WhileEditable_Works(UpdateState state)
    {
        var update = InState(state);
        var link = Evidence.ForLink(0, "Audit summary", new Uri("https://example.org/audit"), Now, "author-id");

        update.AttachEvidence(link);
        Assert.True(update.HasEvidence);

        var removed = update.RemoveEvidence(link.Id);
        Assert.Same(link, removed);
        Assert.False(update.HasEvidence);
    }

    [Theory]
    [InlineData(UpdateState.Submitted)]
    [InlineData(UpdateState.Approved)]
    public void AttachEvidence_OnceSubmitted_IsRefused(UpdateState state)
    {
        var update = InState(state);

        Assert.Throws<DomainRuleException>(() =>
            update.AttachEvidence(Evidence.ForLink(0, "Audit summary", new Uri("https://example.org/audit"), Now, "author-id")));

        Assert.False(update.HasEvidence);
    }

    [Fact]
    public void RemoveEvidence_OnceSubmitted_IsRefused()
    {
        var update = Draft();
        var link = Evidence.ForLink(0, "Audit summary", new Uri("https://example.org/audit"), Now, "author-id");
        update.AttachEvidence(link);
        update.Submit(Now);

        Assert.Throws<DomainRuleException>(() => update.RemoveEvidence(link.Id));
        Assert.True(update.HasEvidence);
    }

    [Fact]
    public void Approve_Draft_IsRefused()
    {
        var update = Draft();

        var error = Assert.Throws<DomainRuleException>(() => update.Approve("sd", "Service Director", Now));

        Assert.Contains("has not been submitted", error.Message, StringComparison.Ordinal);
        Assert.Equal(UpdateState.Draft, update.State);
    }

    [Fact]
    public void Approve_Submitted_RecordsTheReviewer()
    {
        var update = InState(UpdateState.Submitted);

        update.Approve("sd", "Service Director", Now.AddHours(1), "Good progress.");

        Assert.Equal(UpdateState.Approved, update.State);
        Assert.Equal("Service Director", update.ReviewerName);
        Assert.Equal(Now.AddHours(1), update.ReviewedAtUtc);
        Assert.Equal("Good progress.", update.ReviewComment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_WithoutAComment_IsRefused(string comment)
    {
        var update = InState(UpdateState.Submitted);

        var error = Assert.Throws<DomainRuleException>(() => update.Return("sd", "Service Director", Now, comment));

        Assert.Equal("Enter a comment saying what needs to change", error.Message);
        Assert.Equal(UpdateState.Submitted, update.State);
    }

    [Theory]
    [InlineData(UpdateState.Draft)]
    [InlineData(UpdateState.Approved)]
    [InlineData(UpdateState.Returned)]
    public void Return_NotSubmitted_IsRefused(UpdateState state)
    {
        var update = InState(state);

        Assert.Throws<DomainRuleException>(() => update.Return("sd", "Service Director", Now, "Needs more."));
        Assert.Equal(state, update.State);
    }

    [Theory]
    [InlineData(UpdateState.Submitted)]
    [InlineData(UpdateState.Approved)]
    public void Submit_AlreadySubmittedOrApproved_IsRefused(UpdateState state)
    {
        var update = InState(state);

        Assert.Throws<DomainRuleException>(() => update.Submit(Now));
        Assert.Equal(state, update.State);
    }

    [Fact]
    public void Resubmit_ReturnedUpdate_CanThenBeApproved()
    {
        var update = InState(UpdateState.Returned);
        update.Revise(Content(), Today);

        update.Submit(Now.AddDays(1));
        Assert.Equal(UpdateState.Submitted, update.State);
        Assert.Equal(Now.AddDays(1), update.SubmittedAtUtc);

        update.Approve("sd", "Service Director", Now.AddDays(2));
        Assert.Equal(UpdateState.Approved, update.State);
        Assert.Null(update.ReviewComment);
    }
}
