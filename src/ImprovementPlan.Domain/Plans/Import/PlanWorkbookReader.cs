using System.Globalization;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>
/// Reads a workbook's cells as a plan and checks them, naming every problem by sheet, cell and reason.
/// The Actions sheet (or, without one, the first sheet) may have its columns in any order under any
/// of the usual headings; the other sheets are the template's.
/// </summary>
public static partial class PlanWorkbookReader
{
    private const int HeaderSearchRows = 10;

    /// <summary>The sheet the actions are read from: "Actions", else the first sheet that is not the README.</summary>
    public static WorkbookSheet? ActionsSheet(WorkbookContent workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return workbook.Find(L.ActionsSheet)
            ?? workbook.Sheets.FirstOrDefault(s => HeaderMatcher.Normalise(s.Name) != HeaderMatcher.Normalise(L.ReadMeSheet)
                && workbook.Find(s.Name) == s && !IsTemplateSheet(s.Name));
    }

    /// <summary>The row holding the headings: the first of the top rows naming a required field, else the first row with anything in it.</summary>
    public static int HeaderRow(WorkbookSheet sheet, IReadOnlyList<ImportField> fields)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = sheet.RowsWithContent(1).Take(HeaderSearchRows).ToList();
        foreach (var row in rows)
        {
            for (var column = 1; column <= sheet.LastColumn; column++)
            {
                if (HeaderMatcher.Match(sheet.Cell(row, column).Text, fields) is { Required: true })
                {
                    return row;
                }
            }
        }

        return rows.Count > 0 ? rows[0] : 1;
    }

    public static ImportedPlan Read(WorkbookContent workbook, ExistingPlanKeys existing, IReadOnlyDictionary<int, string>? chosenColumns = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(existing);
        var problems = new List<ImportProblem>();
        var notes = new List<ImportNote>();

        var workstreams = ReadSheet(workbook, L.WorkstreamsSheet, L.WorkstreamFields, problems, (row, get) => new ImportedWorkstream(
            get.Text("code")!, get.Text("name")!, get.Int("order") ?? row, get.Text("accountableLead"), get.Text("description"), Lines(get.Text("outcomes"))));
        var priorities = ReadSheet(workbook, L.PrioritiesSheet, L.PriorityFields, problems, (_, get) => get.Int("number") is { } number
            ? new ImportedPriority(number, get.Text("title")!, get.Text("heading"), get.Text("whatNeedsToImprove") ?? string.Empty,
                get.Text("whatOfstedSaid") ?? string.Empty, get.Text("closingStatement"))
            : null);
        var reviews = ReadSheet(workbook, L.SourceReviewsSheet, L.SourceReviewFields, problems, (_, get) => new ImportedSourceReview(
            get.Text("code")!, get.Text("title")!, get.Date("date", notes), get.Text("dateText")));
        var stages = ReadSheet(workbook, L.StagesSheet, L.StageFields, problems, (_, get) =>
            get.Int("number") is { } number && get.Date("targetDate", notes) is { } targetDate
                ? new ImportedStage(number, get.Text("name")!, targetDate, get.Text("targetDateText"), get.Text("description"),
                    Lines(get.Text("benefits")), Lines(get.Text("deliverables")))
                : null);
        Duplicates(workstreams, w => w.Key.Code, L.WorkstreamsSheet, "workstream code", problems);
        Duplicates(stages, s => s.Key.Number.ToString(CultureInfo.InvariantCulture), L.StagesSheet, "stage number", problems);
        Duplicates(priorities, p => p.Key.Number.ToString(CultureInfo.InvariantCulture), L.PrioritiesSheet, "priority number", problems);
        Duplicates(reviews, r => r.Key.Code, L.SourceReviewsSheet, "source review code", problems);

        var workstreamCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fromSheet = workbook.Find(L.WorkstreamsSheet) is not null;
        foreach (var (name, code) in existing.WorkstreamCodesByName.Where(_ => !fromSheet))
        {
            workstreamCodes.TryAdd(code, code);
            workstreamCodes.TryAdd(name, code);
        }

        foreach (var (workstream, _) in workstreams)
        {
            workstreamCodes.TryAdd(workstream.Code, workstream.Code);
            workstreamCodes.TryAdd(workstream.Name, workstream.Code);
        }

        var priorityNumbers = workbook.Find(L.PrioritiesSheet) is not null
            ? priorities.Select(p => p.Key.Number).ToHashSet()
            : [.. existing.PriorityNumbers];
        var reviewCodes = workbook.Find(L.SourceReviewsSheet) is not null
            ? reviews.Select(r => r.Key.Code).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : existing.SourceReviewCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var actions = new List<ImportedAction>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var sheet = ActionsSheet(workbook);
        if (sheet is null)
        {
            problems.Add(new ImportProblem(L.ActionsSheet, null, "the workbook has no sheet of actions"));
        }
        else
        {
            var headerRow = HeaderRow(sheet, L.ActionFields);
            var (columns, _) = HeaderMatcher.MapColumns(sheet, headerRow, L.ActionFields, chosenColumns);
            present.UnionWith(columns.Keys);
            foreach (var missing in L.ActionFields.Where(f => f.Required && !columns.ContainsKey(f.Key)))
            {
                problems.Add(new ImportProblem(sheet.Name, null, $"there is no {missing.Heading} column; add one, or choose which column holds it"));
            }

            if (L.ActionFields.All(f => !f.Required || columns.ContainsKey(f.Key)))
            {
                var firstRowOfRef = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var row in sheet.RowsWithContent(headerRow + 1))
                {
                    var get = new RowReader(sheet, row, columns, problems);
                    if (get.AllBlank())
                    {
                        continue;
                    }

                    var reference = get.Required(L.Action.Ref, "REF");
                    var text = get.Required(L.Action.Text, "ACTIONS");
                    var workstreamText = get.Required(L.Action.Workstream, "WORKSTREAM");
                    string? workstreamCode = null;
                    if (workstreamText is not null && !workstreamCodes.TryGetValue(workstreamText, out workstreamCode))
                    {
                        problems.Add(new ImportProblem(sheet.Name, get.Address(L.Action.Workstream),
                            $"the workstream ‘{workstreamText}’ is not in the {(fromSheet ? "Workstreams sheet" : "plan")}; add it there or correct the name"));
                    }

                    if (reference is not null)
                    {
                        if (firstRowOfRef.TryGetValue(reference, out var first))
                        {
                            problems.Add(new ImportProblem(sheet.Name, get.Address(L.Action.Ref), $"the REF {reference} is used again (first in {first}); each action needs its own REF"));
                        }
                        else
                        {
                            firstRowOfRef[reference] = get.Address(L.Action.Ref)!;
                        }
                    }

                    var due = get.Date(L.Action.DueDate, notes);
                    var timeframe = get.Text(L.Action.Timeframe);
                    if (due is null && !columns.ContainsKey(L.Action.DueDate) && timeframe is not null
                        && CellDates.ReadText(timeframe, out _) is { } fromTimeframe)
                    {
                        due = fromTimeframe.Date;
                        if (fromTimeframe.Note is { } note)
                        {
                            notes.Add(new ImportNote(sheet.Name, get.Address(L.Action.Timeframe)!, note));
                        }
                    }

                    var priorityList = columns.ContainsKey(L.Action.Priorities) ? get.Numbers(L.Action.Priorities, priorityNumbers) : null;
                    var reviewList = columns.ContainsKey(L.Action.SourceReviews) ? get.Codes(L.Action.SourceReviews, reviewCodes) : null;
                    if (reference is null || text is null || workstreamCode is null)
                    {
                        continue;
                    }

                    actions.Add(new ImportedAction(row, reference, workstreamCode, get.Text(L.Action.LinkTo), text, timeframe, due,
                        get.Text(L.Action.Outcome), get.Text(L.Action.HowWillWeKnow), get.Text(L.Action.WhatSuccessLooksLike),
                        get.Text(L.Action.SeniorResponsibleOfficer), get.Text(L.Action.LeadOfficer), get.Text(L.Action.Status),
                        priorityList, reviewList, get.Text(L.Action.Note), get.Address(L.Action.Status)));
                }
            }
        }

        var (measures, targets, actuals) = ReadMeasures(workbook, existing, priorityNumbers, notes, problems);
        return new ImportedPlan([.. workstreams.Select(w => w.Key)], [.. priorities.Select(p => p.Key)], [.. reviews.Select(r => r.Key)],
            actions, notes, problems)
        {
            Stages = [.. stages.Select(s => s.Key)],
            Measures = measures,
            Targets = targets,
            Actuals = actuals,
            ActionColumnsPresent = present,
            ActionsSheetName = sheet?.Name ?? L.ActionsSheet,
        };
    }

    private static bool IsTemplateSheet(string name) =>
        new[] { L.WorkstreamsSheet, L.PrioritiesSheet, L.SourceReviewsSheet, L.StagesSheet, L.MeasuresSheet, L.TargetsSheet, L.ActualsSheet }
            .Any(s => HeaderMatcher.Normalise(s) == HeaderMatcher.Normalise(name));

    private static List<KeyValuePair<T, string>> ReadSheet<T>(WorkbookContent workbook, string name, IReadOnlyList<ImportField> fields,
        List<ImportProblem> problems, Func<int, RowReader, T?> read)
        where T : class
    {
        var rows = new List<KeyValuePair<T, string>>();
        if (workbook.Find(name) is not { } sheet)
        {
            return rows;
        }

        var headerRow = HeaderRow(sheet, fields);
        var (columns, _) = HeaderMatcher.MapColumns(sheet, headerRow, fields);
        var missing = fields.Where(f => f.Required && !columns.ContainsKey(f.Key)).ToList();
        foreach (var field in missing)
        {
            problems.Add(new ImportProblem(sheet.Name, null, $"there is no {field.Heading} column"));
        }

        if (missing.Count > 0)
        {
            return rows;
        }

        var position = 0;
        foreach (var row in sheet.RowsWithContent(headerRow + 1))
        {
            var get = new RowReader(sheet, row, columns, problems);
            if (get.AllBlank())
            {
                continue;
            }

            position++;
            var before = problems.Count;
            foreach (var field in fields.Where(f => f.Required))
            {
                get.Required(field.Key, field.Heading);
            }

            if (problems.Count == before && read(position, get) is { } item)
            {
                rows.Add(new(item, get.Address(fields[0].Key)!));
            }
        }

        return rows;
    }

    private static void Duplicates<T>(List<KeyValuePair<T, string>> rows, Func<KeyValuePair<T, string>, string> key, string sheet, string what,
        List<ImportProblem> problems)
    {
        foreach (var group in rows.GroupBy(key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var repeat in group.Skip(1))
            {
                problems.Add(new ImportProblem(sheet, repeat.Value, $"the {what} {group.Key} is used again (first in {group.First().Value})"));
            }
        }
    }

    private static IReadOnlyList<string> Lines(string? text) =>
        text is null ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>Reads one row's cells by field key, adding a problem for each cell that cannot be read.</summary>
    private sealed class RowReader(WorkbookSheet sheet, int row, IReadOnlyDictionary<string, int> columns, List<ImportProblem> problems)
    {
        public bool AllBlank() => columns.Values.All(c => sheet.Cell(row, c).IsBlank);

        public string? Address(string key) => columns.TryGetValue(key, out var column) ? sheet.Cell(row, column).Address : null;

        public string? Text(string key)
        {
            if (Cell(key) is not { } cell)
            {
                return null;
            }

            var text = cell.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
            return text.Length == 0 ? null : text;
        }

        public string? Required(string key, string heading)
        {
            var text = Text(key);
            if (text is null && Readable(key))
            {
                problems.Add(new ImportProblem(sheet.Name, Address(key), $"enter the {heading.ToLowerInvariant()}"));
            }

            return text;
        }

        public int? Int(string key)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new ImportProblem(sheet.Name, Address(key), $"{text} is not a whole number"));
            return null;
        }

        public DateOnly? Date(string key, List<ImportNote> notes)
        {
            if (Cell(key) is not { } cell)
            {
                return null;
            }

            var date = CellDates.Read(cell, out var error);
            if (error is not null)
            {
                problems.Add(new ImportProblem(sheet.Name, cell.Address, error));
            }

            if (date?.Note is { } note)
            {
                notes.Add(new ImportNote(sheet.Name, cell.Address, note));
            }

            return date?.Date;
        }

        public List<int> Numbers(string key, HashSet<int> known)
        {
            var numbers = new List<int>();
            foreach (var part in Parts(key))
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    problems.Add(new ImportProblem(sheet.Name, Address(key), $"‘{part}’ is not a priority number"));
                }
                else if (!known.Contains(number))
                {
                    problems.Add(new ImportProblem(sheet.Name, Address(key), $"there is no priority {number} in the Priorities sheet or the plan"));
                }
                else if (!numbers.Contains(number))
                {
                    numbers.Add(number);
                }
            }

            return numbers;
        }

        public List<string> Codes(string key, HashSet<string> known)
        {
            var codes = new List<string>();
            foreach (var part in Parts(key))
            {
                if (!known.TryGetValue(part, out var code))
                {
                    problems.Add(new ImportProblem(sheet.Name, Address(key), $"there is no source review ‘{part}’ in the Source reviews sheet or the plan"));
                }
                else if (!codes.Contains(code, StringComparer.Ordinal))
                {
                    codes.Add(code);
                }
            }

            return codes;
        }

        public decimal? Decimal(string key)
        {
            if (Cell(key) is not { } cell || cell.IsBlank)
            {
                return null;
            }

            var text = cell.Text.Trim();
            var cleaned = text.TrimEnd('%').TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal).Trim();
            if (decimal.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new ImportProblem(sheet.Name, cell.Address, $"‘{text}’ is not a number"));
            return null;
        }

        public bool YesNo(string key)
        {
            switch (HeaderMatcher.Normalise(Text(key)))
            {
                case "" or "no" or "n" or "false":
                    return false;
                case "yes" or "y" or "true":
                    return true;
                default:
                    problems.Add(new ImportProblem(sheet.Name, Address(key), $"‘{Text(key)}’ is not Yes or No"));
                    return false;
            }
        }

        /// <summary>One of a list of words (an enum's names or their synonyms), or <paramref name="blank"/> when the cell is empty.</summary>
        public T Choice<T>(string key, Dictionary<string, T> words, T blank, string what)
            where T : struct, Enum
        {
            if (Text(key) is not { } text)
            {
                return blank;
            }

            var normalised = text.Length == 1 ? text : HeaderMatcher.Normalise(text);
            if (words.TryGetValue(normalised, out var value))
            {
                return value;
            }

            problems.Add(new ImportProblem(sheet.Name, Address(key), $"‘{text}’ is not {what}; use one of {string.Join(", ", Enum.GetNames<T>())}"));
            return blank;
        }

        public void Limit(string key, string heading, int length)
        {
            if (Text(key) is { } text && text.Length > length)
            {
                problems.Add(new ImportProblem(sheet.Name, Address(key), $"the {heading} must be {length.ToString(CultureInfo.InvariantCulture)} characters or fewer"));
            }
        }

        private string[] Parts(string key) =>
            (Text(key) ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private bool Readable(string key) => Cell(key) is not null || !columns.ContainsKey(key);

        /// <summary>The cell, or null (with a problem) when it holds a formula.</summary>
        private WorkbookCell? Cell(string key)
        {
            if (!columns.TryGetValue(key, out var column))
            {
                return null;
            }

            var cell = sheet.Cell(row, column);
            if (cell.Kind == CellKind.Formula)
            {
                if (!problems.Any(p => p.Sheet == sheet.Name && p.Cell == cell.Address))
                {
                    problems.Add(new ImportProblem(sheet.Name, cell.Address, "contains a formula; paste the value instead"));
                }

                return null;
            }

            return cell;
        }
    }
}
