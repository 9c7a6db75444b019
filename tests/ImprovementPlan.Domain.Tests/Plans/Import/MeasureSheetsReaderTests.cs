using System.Globalization;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans.Import;
using ImprovementPlan.Domain.Rag;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Domain.Tests.Plans.Import;

/// <summary>The Measures, Targets, Actuals and Stages sheets read as rows, each problem named by sheet, cell and reason.</summary>
public sealed class MeasureSheetsReaderTests
{
    private static readonly ExistingPlanKeys Plan = new(new Dictionary<string, string>(), new HashSet<int> { 1, 2 }, new HashSet<string>())
    {
        MeasureCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "HELD" },
    };

    /// <summary>A sheet with the template's headings in row 1 and the given rows below; numbers become number cells, dates date serials.</summary>
    private static WorkbookSheet Sheet(string name, IReadOnlyList<ImportField> fields, params object?[][] rows)
    {
        var cells = fields.Select((f, i) => new WorkbookCell(1, i + 1, CellKind.Text, f.Heading)).ToList();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                cells.Add(rows[r][c] switch
                {
                    null => new WorkbookCell(r + 2, c + 1, CellKind.Empty, string.Empty),
                    DateOnly date => Number(r + 2, c + 1, date.ToDateTime(TimeOnly.MinValue).ToOADate(), isDate: true),
                    int number => Number(r + 2, c + 1, number),
                    double number => Number(r + 2, c + 1, number),
                    var text => new WorkbookCell(r + 2, c + 1, CellKind.Text, (string)text),
                });
            }
        }

        return new WorkbookSheet(name, cells);
    }

    private static WorkbookCell Number(int row, int column, double value, bool isDate = false) =>
        new(row, column, CellKind.Number, value.ToString(CultureInfo.InvariantCulture), value, isDate);

    private static ImportedPlan Read(params WorkbookSheet[] sheets) =>
        PlanWorkbookReader.Read(new WorkbookContent([Sheet(L.ActionsSheet, L.ActionFields), .. sheets]), Plan);

    [Fact]
    public void Read_TemplateRows_GivesEveryField()
    {
        var plan = Read(
            Sheet(L.MeasuresSheet, L.MeasureFields,
                ["NEW", "Visits on time", "Visits within 10 working days", 2, "percentage", 1, "Lower is better", 2.5, "Quarterly", 20, "Head of Service",
                    "Liquid Logic", "As printed", "Linear", 61.5, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), null, null]),
            Sheet(L.TargetsSheet, L.TargetFields, ["new", new DateOnly(2022, 3, 31), 90, "Year end", "Agreed by the board", "Yes"]),
            Sheet(L.ActualsSheet, L.ActualFields, ["HELD", new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 28), "February 2021", 73, null, new DateOnly(2021, 3, 1), "No"]),
            Sheet(L.StagesSheet, L.StageFields, [1, "Foundation work", "31/08/2021", "By August 2021", null, "Clearer roles", "Audit\nTraining plan"]));

        Assert.Empty(plan.Problems);
        var measure = Assert.Single(plan.Measures);
        Assert.Equal(
            ("NEW", "Visits on time", (int?)2, MeasureUnit.Percent, 1, Polarity.LowerIsBetter, 2.5m, MeasureFrequency.Quarterly, 20, TrajectoryShape.Linear,
                (decimal?)61.5m, (DateOnly?)new DateOnly(2021, 1, 1), (DateOnly?)new DateOnly(2021, 3, 31), (DateOnly?)null),
            (measure.Code, measure.Name, measure.PriorityNumber, measure.Unit, measure.DecimalPlaces, measure.Polarity, measure.Tolerance, measure.Frequency,
                measure.LagDays, measure.TrajectoryShape, measure.BaselineValue, measure.BaselinePeriodStart, measure.BaselinePeriodEnd, measure.RetiredOn));
        var target = Assert.Single(plan.Targets);
        Assert.Equal(("NEW", new DateOnly(2022, 3, 31), 90m, "Year end", true), (target.MeasureCode, target.Date, target.Value, target.Label, target.DateAssumed));
        var actual = Assert.Single(plan.Actuals);
        Assert.Equal(("HELD", new DateOnly(2021, 2, 28), 73m, (DateOnly?)new DateOnly(2021, 3, 1), false),
            (actual.MeasureCode, actual.PeriodEnd, actual.Value, actual.AsAt, actual.IsProvisional));
        var stage = Assert.Single(plan.Stages);
        Assert.Equal((1, new DateOnly(2021, 8, 31), "Clearer roles", "Audit|Training plan"),
            (stage.Number, stage.TargetDate, string.Join('|', stage.Benefits), string.Join('|', stage.Deliverables)));
    }

    public static TheoryData<object?[], string> MeasureProblems => new()
    {
        { ["M1", "Name", null, null, "Furlongs"], "Measures, E2: ‘Furlongs’ is not a unit; use one of Percent, Count, Days, Ratio, Currency, RatePer10000Children" },
        { ["M1", "Name", null, 9], "Measures, D2: there is no priority 9 in the Priorities sheet or the plan" },
        { ["M1", "Name", null, null, null, 7], "Measures, F2: the decimal places must be from 0 to 4" },
        { ["M1", "Name", null, null, null, null, "Sideways"], "Measures, G2: ‘Sideways’ is not a polarity; use one of HigherIsBetter, LowerIsBetter, Neutral" },
        { ["M1", "Name", null, null, null, null, null, "lots"], "Measures, H2: ‘lots’ is not a number" },
        { ["M1", "Name", null, null, null, null, null, null, null, 400], "Measures, J2: the lag days must be from 0 to 366" },
        { ["M1", "Name", null, null, null, null, null, null, null, null, null, null, null, null, 12], "Measures, P2: a baseline needs the start and end of the period it was measured for" },
        { ["M1", null], "Measures, B2: enter the name" },
    };

    [Theory]
    [MemberData(nameof(MeasureProblems))]
    public void Read_MeasureRowWithAProblem_NamesItsCell(object?[] row, string expected)
    {
        var plan = Read(Sheet(L.MeasuresSheet, L.MeasureFields, row));

        Assert.Equal([expected], plan.Problems.Select(p => p.ToString()));
        Assert.Empty(plan.Measures);
    }

    [Fact]
    public void Read_TargetsAndFiguresWithProblems_NameEachCell()
    {
        var plan = Read(
            Sheet(L.TargetsSheet, L.TargetFields,
                ["NOPE", new DateOnly(2022, 3, 31), 80],
                ["HELD", new DateOnly(2022, 3, 31), 80],
                ["held", new DateOnly(2022, 3, 31), 85],
                ["HELD", "31/02/2022", 85]),
            Sheet(L.ActualsSheet, L.ActualFields,
                ["HELD", new DateOnly(2021, 3, 31), new DateOnly(2021, 3, 1), null, 70],
                ["HELD", new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 30), null, 70, null, null, "Perhaps"],
                ["HELD", new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 31), null, 70, null, new DateOnly(2021, 4, 1)]));

        Assert.Equal(
            [
                "Targets, A2: the measure ‘NOPE’ is not in the Measures sheet or the plan; add it there or correct the code",
                "Targets, B5: 31/02/2022 is not a real date",
                "Targets, A4: HELD has a second target for 31 March 2022 (first in A3); a measure has one target per date",
                "Actuals, C2: the period cannot end before it starts",
                "Actuals, H3: ‘Perhaps’ is not Yes or No",
                "Actuals, G4: a figure cannot be produced before its period starts",
            ],
            plan.Problems.Select(p => p.ToString()));
    }
}
