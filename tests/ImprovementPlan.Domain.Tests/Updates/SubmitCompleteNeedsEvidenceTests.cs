using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Updates;

namespace ImprovementPlan.Domain.Tests.Updates;

/// <summary>An update that marks its action complete is refused at submission without evidence, so approval never dead-ends.</summary>
public class SubmitCompleteNeedsEvidenceTests
{
    private static readonly DateTime Now = new(2021, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2021, 3, 1);

    private static ProgressUpdate Proposing(ActionStatus? status)
    {
        var update = ProgressUpdate.DraftOnAction(7, "author-id", "Head of Service", Today, "Audits done.", Now);
        update.Revise(new UpdateContent("Audits done.", null, null, null, null, status), Today);
        return update;
    }

    [Theory]
    [InlineData(ActionStatus.Complete, false, true)]
    [InlineData(ActionStatus.Complete, true, false)]
    [InlineData(ActionStatus.InProgress, false, false)]
    [InlineData(null, false, false)]
    public void Submit_IsRefusedOnlyForCompleteWithoutEvidence(ActionStatus? status, bool withEvidence, bool refused)
    {
        var update = Proposing(status);
        if (withEvidence)
        {
            update.AttachEvidence(Evidence.ForLink(0, "Audit report", new Uri("https://example.org/audit"), Now, "author-id"));
        }

        if (refused)
        {
            var error = Assert.Throws<DomainRuleException>(() => update.Submit(Now));
            Assert.Equal(ProgressUpdate.CompleteNeedsEvidence, error.Message);
            Assert.Equal(UpdateState.Draft, update.State);
        }
        else
        {
            update.Submit(Now);
            Assert.Equal(UpdateState.Submitted, update.State);
        }
    }

    [Fact]
    public void CompleteWithEvidence_OnceSubmitted_CanBeApprovedAndCompletesTheAction()
    {
        var update = Proposing(ActionStatus.Complete);
        update.AttachEvidence(Evidence.ForLink(0, "Audit report", new Uri("https://example.org/audit"), Now, "author-id"));
        update.Submit(Now);
        update.Approve("sd", "Service Director", Now);
        var action = new ImprovementAction(1, 1, "CS11", 1,
            new ActionColumns("Audit the files", null, null, new DateOnly(2021, 8, 31), null, null, null, null, null, null));

        action.RecordApprovedProgress(update.ProposedStatus, update.AsAt, update.HasEvidence);

        Assert.Equal(ActionStatus.Complete, action.Status);
    }
}
