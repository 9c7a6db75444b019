namespace ImprovementPlan.Web.Data.Seeding;

/// <summary>
/// The real set of job titles the seeded plan's leads hold, and every spelling of them found in the
/// council's document (Data/Seed/job-titles.json, explained in docs/people-and-roles.md).
/// </summary>
internal sealed record JobTitles(IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string> Variants)
{
    public static JobTitles Load() => SeedDocuments.Read<JobTitles>("job-titles.json");

    /// <summary>The role a spelling stands for; a spelling not in the table is kept as printed.</summary>
    public string? Tidy(string? printed) =>
        printed is null ? null : Variants.TryGetValue(printed, out var role) ? role : printed;
}
