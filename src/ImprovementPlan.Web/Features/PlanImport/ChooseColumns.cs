using ImprovementPlan.Domain.Plans.Import;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>The mapping page's form: for each column of the Actions sheet (by number), the field it holds, or <see cref="ChooseColumnsHandler.Ignore"/>.</summary>
public sealed class ChooseColumnsForm
{
    public Dictionary<int, string> Columns { get; set; } = [];
}

/// <summary>Checks the columns chosen on the mapping page and keeps them with the pending import.</summary>
public sealed class ChooseColumnsHandler(PendingPlanImportStorageService store)
{
    /// <summary>The value of "Ignore this column" (an empty value would bind as no choice at all).</summary>
    public const string Ignore = "ignore";

    /// <summary>Messages keyed by form field; none when the choices were saved.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> HandleAsync(PendingPlanImport pending, ActionSheetColumns sheet,
        ChooseColumnsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<KeyValuePair<string, string>>();
        var choices = new Dictionary<int, string>();
        foreach (var column in sheet.Columns)
        {
            var key = $"Columns[{column.Column}]";
            var chosen = form.Columns.GetValueOrDefault(column.Column);
            if (chosen is null)
            {
                errors.Add(new(key, $"Select what column {WorkbookCell.ColumnName(column.Column)} (‘{column.Heading}’) holds, or ignore it"));
                continue;
            }

            if (chosen == Ignore)
            {
                choices[column.Column] = string.Empty;
                continue;
            }

            if (L.ActionFields.All(f => f.Key != chosen))
            {
                errors.Add(new(key, $"Select what column {WorkbookCell.ColumnName(column.Column)} (‘{column.Heading}’) holds, or ignore it"));
                continue;
            }

            choices[column.Column] = chosen;
        }

        foreach (var repeated in choices.Where(c => c.Value.Length > 0).GroupBy(c => c.Value).Where(g => g.Count() > 1))
        {
            var heading = L.ActionFields.First(f => f.Key == repeated.Key).Heading;
            foreach (var column in repeated.Skip(1))
            {
                errors.Add(new($"Columns[{column.Key}]", $"{heading} is already chosen for column {WorkbookCell.ColumnName(repeated.First().Key)}; choose it for one column only"));
            }
        }

        if (errors.Count == 0)
        {
            foreach (var missing in L.ActionFields.Where(f => f.Required && !choices.ContainsValue(f.Key)))
            {
                var first = sheet.Columns.Count > 0 ? sheet.Columns[0].Column : 1;
                errors.Add(new($"Columns[{first}]", $"Select the column that holds {missing.Heading}: every action needs one"));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await store.UpdateAsync(pending with { ColumnChoices = choices }, cancellationToken);
        return [];
    }
}
