using ImprovementPlan.Web.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>A person who can lead something: their account id, name and job title.</summary>
public sealed record Person(string Id, string Name, string? JobTitle)
{
    public string Label => JobTitle is { Length: > 0 } title ? $"{Name} ({title})" : Name;
}

/// <summary>The people a lead can be chosen from: active user accounts, by name.</summary>
public sealed class PeopleQuery(ImprovementPlanDbContext db)
{
    public async Task<IReadOnlyList<Person>> ActiveAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Person(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, u.JobTitle))
            .ToListAsync(ct);

    /// <summary>The people as select options, with a first option for nobody; <paramref name="selected"/> is kept even when inactive.</summary>
    public async Task<IReadOnlyList<SelectListItem>> OptionsAsync(string? selected, string noneText, CancellationToken ct)
    {
        var people = (await ActiveAsync(ct)).ToList();
        if (selected is { Length: > 0 } && people.All(p => p.Id != selected)
            && await db.Users.AsNoTracking().Where(u => u.Id == selected).Select(u => new Person(u.Id, u.DisplayName, u.JobTitle)).FirstOrDefaultAsync(ct) is { } kept)
        {
            people.Insert(0, kept);
        }

        return [new SelectListItem(noneText, string.Empty), .. people.Select(p => new SelectListItem(p.Label, p.Id, p.Id == selected))];
    }
}
