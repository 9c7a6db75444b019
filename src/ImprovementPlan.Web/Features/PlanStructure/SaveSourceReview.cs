using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>A source review as typed: its code, title and date (exact, or in the plan's words).</summary>
public sealed class SourceReviewForm
{
    public int? Id { get; set; }

    public int Version { get; set; }

    public string? Code { get; set; }

    public string? Title { get; set; }

    public DateParts Date { get; set; } = new();

    public string? DateText { get; set; }
}

/// <summary>Adds a source review to the current plan or changes one; codes are unique within a plan.</summary>
public sealed class SaveSourceReviewHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<SourceReviewForm?> FormAsync(int id, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var review = await db.SourceReviews.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PlanId == planId, ct);
        return review is null ? null : new SourceReviewForm
        {
            Id = review.Id,
            Version = review.Version,
            Code = review.Code,
            Title = review.Title,
            Date = DateParts.From(review.Date),
            DateText = review.DateText,
        };
    }

    public async Task<StructureResult> RunAsync(int? id, SourceReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var planId = await currentPlan.IdAsync(ct);
        var errors = new Dictionary<string, string>();
        var code = FormText.Clean(form.Code)?.ToUpperInvariant();
        FormText.Require(errors, nameof(form.Code), code, "Enter a code for the review, such as O19", 20, "The code");
        FormText.Require(errors, nameof(form.Title), form.Title, "Enter the review’s title", 300, "The title");
        FormText.Limit(errors, nameof(form.DateText), form.DateText, 50, "The date in words");
        DateOnly? date = null;
        if (form.Date is { IsEmpty: false })
        {
            var (parsed, error) = form.Date.Parse("the date of the review");
            if (error is not null)
            {
                errors[nameof(form.Date)] = error;
            }

            date = parsed;
        }

        if (code is not null && !errors.ContainsKey(nameof(form.Code))
            && await db.SourceReviews.AnyAsync(s => s.PlanId == planId && s.Code == code && s.Id != id, ct))
        {
            errors[nameof(form.Code)] = $"The plan already has a source review {code}";
        }

        if (errors.Count > 0)
        {
            return StructureResult.Invalid(errors);
        }

        if (id is null)
        {
            var next = await db.SourceReviews.Where(s => s.PlanId == planId).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
            var review = new SourceReview(planId, code!, form.Title!.Trim(), date, FormText.Clean(form.DateText));
            review.MoveTo(next + 1);
            db.SourceReviews.Add(review);
        }
        else
        {
            var review = await db.SourceReviews.FirstOrDefaultAsync(s => s.Id == id && s.PlanId == planId, ct);
            if (review is null)
            {
                return StructureResult.NotFound;
            }

            db.Entry(review).Property(s => s.Version).OriginalValue = form.Version;
            review.Edit(code!, form.Title!.Trim(), date, FormText.Clean(form.DateText));
        }

        return await StructureSave.SaveAsync(db, $"Source review {code} saved", nameof(form.Code), $"The plan already has a source review {code}", ct);
    }
}
