namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>Something in the workbook that stops the import, named by sheet and cell, e.g. "Actions, D14: 31/02/2021 is not a real date".</summary>
public sealed record ImportProblem(string Sheet, string? Cell, string Reason)
{
    public override string ToString() => Cell is null ? $"{Sheet}: {Reason}" : $"{Sheet}, {Cell}: {Reason}";
}
