using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>How ratings and statuses read on screen and in exports: always a word, never colour alone.</summary>
public static class RagDisplay
{
    public static readonly IReadOnlyList<Rag> InOrder = [Rag.Red, Rag.Amber, Rag.Green, Rag.Blue];

    public static string Word(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        Rag.Blue => "Blue",
        _ => "Not rated",
    };

    public static string Meaning(Rag rag) => rag switch
    {
        Rag.Red => "Past its due date and not complete, or reported as off track",
        Rag.Amber => "At risk: due soon without a recent approved update, or reported as at risk",
        Rag.Green => "On track",
        Rag.Blue => "Complete and embedded, confirmed by the Service Director",
        _ => string.Empty,
    };

    public static string CssModifier(Rag? rag) => rag is { } r ? Word(r).ToLowerInvariant() : "none";

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.NotYetReported => "Not yet reported",
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Complete => "Complete",
        _ => status.ToString(),
    };
}
