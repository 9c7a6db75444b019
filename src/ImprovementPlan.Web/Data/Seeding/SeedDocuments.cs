using System.Text.Json;
using System.Text.Json.Serialization;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Web.Data.Seeding;

// The shapes of the seed files in Data/Seed (documented in docs/seed-data.md).

internal sealed record PlanDocument(PlanHeader Plan, IReadOnlyList<SourceReviewSeed> SourceReviews, IReadOnlyList<StageSeed> Stages,
    IReadOnlyList<WorkstreamSeed> Workstreams);

internal sealed record PlanHeader(string Title, string Organisation, DateOnly PeriodStart, DateOnly PeriodEnd, string? Summary,
    CouncilCodesSeed? Council = null);

/// <summary>How the DfE's statistics name the council: LA codes and region.</summary>
internal sealed record CouncilCodesSeed(string OldLaCode, string NewLaCode, string? RegionCode, string? RegionName);

internal sealed record SourceReviewSeed(string Code, string Title, DateOnly? Date, string? DateText);

internal sealed record StageSeed(int Number, string Name, DateOnly TargetDate, string? TargetDateText, string? Description,
    IReadOnlyList<string> Benefits, IReadOnlyList<string> Deliverables);

internal sealed record WorkstreamSeed(string Code, string Name, string? AccountableLead, string? Description, IReadOnlyList<string> Outcomes);

internal sealed record ActionSeed(string Reference, string Workstream, string? LinkTo, IReadOnlyList<string> SourceCodes, string Action,
    string? Timeframe, DateOnly? DueDate, string? Outcome, string? HowWillWeKnow, string? WhatSuccessLooksLike,
    string? SeniorResponsibleOfficer, string? LeadOfficer, string? TranscriptionNote);

internal sealed record PrioritySeed(int Number, string Title, string? Heading, string WhatNeedsToImprove, string WhatOfstedSaid,
    IReadOnlyList<ProgressUpdateSeed> ProgressUpdates, string? ClosingStatement);

internal sealed record ProgressUpdateSeed(DateOnly Date, string? DateBasis, string Text);

internal sealed record MeasureSeed(string Code, string Name, MeasureUnit Unit, Polarity Polarity, int? Priority, MeasureFrequency Frequency,
    string? Owner, string? SourceText, IReadOnlyList<TargetSeed> Targets, IReadOnlyList<ActualSeed> Actuals,
    IReadOnlyList<ComparatorSeed> Comparators, string? Description = null, int DecimalPlaces = 0, decimal Tolerance = 0, int LagDays = 0,
    string? Source = null, TrajectoryShape TrajectoryShape = TrajectoryShape.Stepped, BaselineSeed? Baseline = null);

internal sealed record BaselineSeed(decimal Value, DateOnly PeriodStart, DateOnly PeriodEnd, string? PeriodLabel);

internal sealed record TargetSeed(DateOnly Date, decimal Value, string? Label, string? Note = null, bool DateAssumed = false);

internal sealed record ActualSeed(DateOnly PeriodStart, DateOnly PeriodEnd, string? PeriodLabel, decimal Value, string? Note,
    DateOnly? AsAt = null, bool Provisional = false);

internal sealed record ComparatorSeed(string Name, decimal Value, string? PeriodLabel, ComparatorKind? Kind = null, DateOnly? PeriodStart = null,
    DateOnly? PeriodEnd = null, string? Source = null);

internal sealed record ScrutinyReportSeed(string AgendaItem, string Committee, DateOnly MeetingDate, string Title, string Author,
    IReadOnlyList<string> Purpose, string? RecommendationsIntro, IReadOnlyList<string> Recommendations, IReadOnlyList<string> Background,
    IReadOnlyList<string> Finance, IReadOnlyList<string> Law, IReadOnlyList<string> EqualityImpact, IReadOnlyList<string> HumanResources,
    IReadOnlyList<string> Commercial, IReadOnlyList<string> HealthWellbeingSafety, SignatorySeed Signatory, ContactOfficerSeed ContactOfficer);

internal sealed record SignatorySeed(string Name, string Role);

internal sealed record ContactOfficerSeed(string Name, string? Telephone, string? Email);

/// <summary>Reads the seed files embedded in this assembly.</summary>
internal static class SeedDocuments
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static T Read<T>(string fileName)
    {
        var assembly = typeof(SeedDocuments).Assembly;
        var resource = $"ImprovementPlan.Web.Data.Seed.{fileName}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded in {assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }
}
