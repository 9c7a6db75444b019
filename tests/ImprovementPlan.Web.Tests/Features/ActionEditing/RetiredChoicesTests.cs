using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.ActionEditing;

/// <summary>
/// Retired workstreams, priorities and source reviews are not offered for new links, but an action
/// already linked to one still shows it (marked retired) and keeps it when saved.
/// </summary>
public sealed class RetiredChoicesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateOnly RetiredOn = new(2021, 2, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Arranged(string Reference, int Version, int OwnWorkstream, int OtherWorkstream, int LinkedPriority, int OtherPriority,
        int LinkedReview, int OtherReview);

    /// <summary>Retires the action's workstream, one of its priorities and one of its source reviews, and one of each it is not linked to.</summary>
    private Task<Arranged> RetireAroundAnActionAsync() => factory.WithDbAsync(async db =>
    {
        var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        var action = await db.Actions.Include(a => a.Priorities).Include(a => a.SourceReviews)
            .Where(a => a.PlanId == planId && a.Priorities.Any() && a.SourceReviews.Any()).OrderBy(a => a.Sequence).FirstAsync(Ct);
        var own = await db.Workstreams.SingleAsync(w => w.Id == action.WorkstreamId, Ct);
        var other = await db.Workstreams.Where(w => w.PlanId == planId && w.Id != own.Id).OrderBy(w => w.SortOrder).FirstAsync(Ct);
        var linkedPriority = action.Priorities.OrderBy(p => p.Number).First();
        var linkedIds = action.Priorities.Select(p => p.Id).ToList();
        var otherPriority = await db.Priorities.Where(p => p.PlanId == planId && !linkedIds.Contains(p.Id)).OrderBy(p => p.Number).FirstAsync(Ct);
        var linkedReview = action.SourceReviews.OrderBy(r => r.Code).First();
        var reviewIds = action.SourceReviews.Select(r => r.Id).ToList();
        var otherReview = await db.SourceReviews.Where(r => r.PlanId == planId && !reviewIds.Contains(r.Id)).OrderBy(r => r.Code).FirstAsync(Ct);
        foreach (var item in new Domain.Plans.IStructureItem[] { own, other, linkedPriority, otherPriority, linkedReview, otherReview }.Where(i => i.RetiredOn is null))
        {
            item.Retire(RetiredOn);
        }

        await db.SaveChangesAsync(Ct);
        return new Arranged(action.Reference, action.Version, own.Id, other.Id, linkedPriority.Id, otherPriority.Id, linkedReview.Id, otherReview.Id);
    });

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> WorkstreamOptions(IHtmlDocument page) =>
        page.QuerySelectorAll("#WorkstreamId option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());

    private static List<string> Boxes(IHtmlDocument page, string name) =>
        [.. page.QuerySelectorAll($"input[name={name}]").Select(i => i.GetAttribute("value")!)];

    [Fact]
    public async Task Forms_OfferOnlyWhatIsInUse_ButEditingKeepsTheActionsOwnRetiredLinks()
    {
        var arranged = await RetireAroundAnActionAsync();
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        var edit = await client.GetDocumentAsync($"/actions/{arranged.Reference}/edit");
        var workstreams = WorkstreamOptions(edit);
        Assert.EndsWith("(retired)", workstreams[Id(arranged.OwnWorkstream)], StringComparison.Ordinal);
        Assert.False(workstreams.ContainsKey(Id(arranged.OtherWorkstream)));
        Assert.Equal(Id(arranged.OwnWorkstream), FormPosting.FieldsOf(edit, $"/actions/{arranged.Reference}/edit").Single(f => f.Key == "WorkstreamId").Value);
        Assert.Contains(Id(arranged.LinkedPriority), Boxes(edit, "PriorityIds"));
        Assert.DoesNotContain(Id(arranged.OtherPriority), Boxes(edit, "PriorityIds"));
        Assert.Contains(Id(arranged.LinkedReview), Boxes(edit, "SourceReviewIds"));
        Assert.DoesNotContain(Id(arranged.OtherReview), Boxes(edit, "SourceReviewIds"));
        Assert.Contains("(retired)", edit.QuerySelector($"input[name=PriorityIds][value='{Id(arranged.LinkedPriority)}'] + label")!.TextContent, StringComparison.Ordinal);

        var added = await client.GetDocumentAsync("/actions/new");
        Assert.DoesNotContain(Id(arranged.OwnWorkstream), WorkstreamOptions(added).Keys);
        Assert.DoesNotContain(Id(arranged.OtherWorkstream), WorkstreamOptions(added).Keys);
        Assert.DoesNotContain(Id(arranged.LinkedPriority), Boxes(added, "PriorityIds"));
        Assert.DoesNotContain(Id(arranged.LinkedReview), Boxes(added, "SourceReviewIds"));
        Assert.NotEmpty(Boxes(added, "PriorityIds"));

        // Saving the form as shown keeps the retired links the action already had.
        using var saved = await client.PostFormAsync($"/actions/{arranged.Reference}/edit", FormPosting.FieldsOf(edit, $"/actions/{arranged.Reference}/edit"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var links = await factory.WithDbAsync(db => db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews)
            .SingleAsync(a => a.Reference == arranged.Reference && a.WorkstreamId == arranged.OwnWorkstream, Ct));
        Assert.Contains(links.Priorities, p => p.Id == arranged.LinkedPriority);
        Assert.Contains(links.SourceReviews, r => r.Id == arranged.LinkedReview);

        // A retired workstream, priority or source review the form did not offer is refused or ignored.
        var again = await client.GetDocumentAsync($"/actions/{arranged.Reference}/edit");
        var fields = FormPosting.FieldsOf(again, $"/actions/{arranged.Reference}/edit").With("WorkstreamId", Id(arranged.OtherWorkstream));
        using var refused = await client.PostFormAsync($"/actions/{arranged.Reference}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["That workstream has been retired; select one in use"], FormPosting.Errors(await Users.ParseAsync(refused)));

        fields = [.. FormPosting.FieldsOf(again, $"/actions/{arranged.Reference}/edit"), new("PriorityIds", Id(arranged.OtherPriority)),
            new("SourceReviewIds", Id(arranged.OtherReview))];
        using var ignored = await client.PostFormAsync($"/actions/{arranged.Reference}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, ignored.StatusCode);
        var after = await factory.WithDbAsync(db => db.Actions.AsNoTracking().Include(a => a.Priorities).Include(a => a.SourceReviews)
            .SingleAsync(a => a.Id == links.Id, Ct));
        Assert.DoesNotContain(after.Priorities, p => p.Id == arranged.OtherPriority);
        Assert.DoesNotContain(after.SourceReviews, r => r.Id == arranged.OtherReview);
    }
}
