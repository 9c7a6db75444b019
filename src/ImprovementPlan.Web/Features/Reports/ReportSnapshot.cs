using System.Text.Json;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>One figure, rating or date a report showed, e.g. ("action:QP21:delivery", "QP21 delivery rating", "Red").</summary>
public sealed record SnapshotFact(string Key, string Label, string Value);

/// <summary>A difference between two published versions of a report.</summary>
public sealed record SnapshotChange(string Label, string? Before, string? After);

/// <summary>The facts stored with a published report (PublishedReport.SnapshotJson), and their comparison.</summary>
public static class ReportSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialise(IReadOnlyList<SnapshotFact> facts) =>
        JsonSerializer.Serialize(new SnapshotDocument(1, facts), Json);

    public static IReadOnlyList<SnapshotFact> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<SnapshotDocument>(json, Json)?.Facts ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>, in the order the newer report shows it.</summary>
    public static IReadOnlyList<SnapshotChange> Compare(IReadOnlyList<SnapshotFact> before, IReadOnlyList<SnapshotFact> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());
        var current = after.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<SnapshotChange>();
        foreach (var fact in after)
        {
            if (!old.TryGetValue(fact.Key, out var was))
            {
                changes.Add(new SnapshotChange(fact.Label, null, fact.Value));
            }
            else if (was.Value != fact.Value)
            {
                changes.Add(new SnapshotChange(fact.Label, was.Value, fact.Value));
            }
        }

        changes.AddRange(before.Where(f => !current.ContainsKey(f.Key)).Select(f => new SnapshotChange(f.Label, f.Value, null)));
        return changes;
    }

    private sealed record SnapshotDocument(int Format, IReadOnlyList<SnapshotFact> Facts);
}
