using ImprovementPlan.Web.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The people a meeting form offers: active users, by name, with their job titles.</summary>
public sealed class MeetingPeopleQuery(ImprovementPlanDbContext db)
{
    public async Task<IReadOnlyList<SelectListItem>> ChoicesAsync(string? selected, string emptyText, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle }).ToListAsync(ct);
        return
        [
            new SelectListItem(emptyText, string.Empty, string.IsNullOrEmpty(selected)),
            .. users.Select(u => new SelectListItem(u.JobTitle is null ? u.DisplayName : $"{u.DisplayName}, {u.JobTitle}", u.Id, u.Id == selected)),
        ];
    }

    public Task<bool> IsActiveUserAsync(string userId, CancellationToken ct = default) =>
        db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct);
}
