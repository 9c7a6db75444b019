using System.Text.Json;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>
/// Reads the seed files straight from the Web assembly's resources with a plain JSON parser, so
/// tests compare the database with the files independently of the seeder's own reading of them.
/// </summary>
public static class SeedFiles
{
    public static JsonElement Read(string fileName)
    {
        var assembly = typeof(ImprovementPlan.Web.Data.ImprovementPlanDbContext).Assembly;
        using var stream = assembly.GetManifestResourceStream($"ImprovementPlan.Web.Data.Seed.{fileName}");
        Assert.NotNull(stream);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
