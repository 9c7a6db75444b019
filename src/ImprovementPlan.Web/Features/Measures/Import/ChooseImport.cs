using ImprovementPlan.Domain.Measures.Dfe;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.TagHelpers;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>The second page: which column of the file to import, into which measure, and when the DfE published it.</summary>
public sealed class ChooseImportForm
{
    public string? Indicator { get; set; }

    public int? MeasureId { get; set; }

    /// <summary>Values chosen for the file's dimension columns that take more than one value, e.g. Choices[breakdown] = Total.</summary>
    public Dictionary<string, string> Choices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DateParts PublishedOn { get; set; } = new();

    /// <summary>The file as read, for the page (not posted).</summary>
    public DfeTidyTable? Table { get; set; }

    public PendingImport? Pending { get; set; }

    public IReadOnlyList<ImportMeasure> Measures { get; set; } = [];
}

/// <summary>The outcome of choosing: ready to preview, or messages keyed by field.</summary>
public sealed record ChooseImportResult(bool Found, IReadOnlyList<KeyValuePair<string, string>> Errors);

/// <summary>Checks the choices, makes sure an import plan can be made from them, and keeps them with the pending import.</summary>
public sealed class ChooseImportHandler(PendingImportStorageService store, DfeImportPlanQuery plans, TimeProvider clock)
{
    public async Task<ChooseImportResult> HandleAsync(PendingImport pending, ChooseImportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<KeyValuePair<string, string>>();
        var table = plans.ReadTable(pending).Table;
        if (table is null)
        {
            return new ChooseImportResult(false, []);
        }

        var indicator = table.IndicatorColumns.FirstOrDefault(c => string.Equals(c, form.Indicator, StringComparison.Ordinal));
        if (indicator is null)
        {
            errors.Add(new(nameof(ChooseImportForm.Indicator), "Select the column of figures to import"));
        }

        var measure = form.MeasureId is { } id ? await plans.FindMeasureAsync(pending.PlanId, id, tracking: false, cancellationToken) : null;
        if (measure is null || measure.IsRetired)
        {
            errors.Add(new(nameof(ChooseImportForm.MeasureId), "Select the measure these figures are for"));
        }

        var choices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dimension in table.Dimensions.Where(d => d.NeedsChoice))
        {
            if (form.Choices.TryGetValue(dimension.Column, out var value) && dimension.Values.Contains(value ?? string.Empty, StringComparer.Ordinal))
            {
                choices[dimension.Column] = value ?? string.Empty;
            }
            else
            {
                errors.Add(new(ChoiceKey(dimension.Column), $"Select which {dimension.Column} to import"));
            }
        }

        var (publishedOn, dateError) = form.PublishedOn.Parse("the date the DfE published the file");
        if (dateError is not null)
        {
            errors.Add(new(nameof(ChooseImportForm.PublishedOn), dateError));
        }
        else if (publishedOn > clock.Today())
        {
            errors.Add(new(nameof(ChooseImportForm.PublishedOn), "The date the DfE published the file must be today or in the past"));
        }

        if (errors.Count > 0)
        {
            return new ChooseImportResult(true, errors);
        }

        var chosen = pending with { Indicator = indicator, MeasureId = measure!.Id, Choices = choices, PublishedOn = publishedOn };
        var plan = await plans.BuildAsync(chosen, measure, cancellationToken);
        if (plan.Plan is null)
        {
            return new ChooseImportResult(true, plan.Errors);
        }

        await store.UpdateAsync(chosen, cancellationToken);
        return new ChooseImportResult(true, []);
    }

    /// <summary>The form field of a dimension's choice, as the model binder names it.</summary>
    public static string ChoiceKey(string column) => $"Choices[{column}]";
}
