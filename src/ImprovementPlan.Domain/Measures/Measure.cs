using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Measures;

/// <summary>A performance measure (KPI): its definition, baseline, target trajectory, figures and comparators.</summary>
public class Measure : Entity
{
    public const int MaxDecimalPlaces = 4;

    public const int MaxLagDays = 366;

    private readonly List<MeasureTarget> _targets = [];
    private readonly List<MeasureActual> _actuals = [];
    private readonly List<MeasureComparator> _comparators = [];
    private readonly List<Priority> _linkedPriorities = [];
    private readonly List<ImprovementAction> _linkedActions = [];

    private Measure()
    {
        Code = Name = string.Empty;
    }

    public Measure(int planId, int? priorityId, string code, string name, MeasureUnit unit, Polarity polarity,
        MeasureFrequency frequency, string? owner, string? sourceText)
        : this(planId, code, new MeasureDefinition
        {
            Name = name,
            Unit = unit,
            Polarity = polarity,
            Frequency = frequency,
            Owner = owner,
            PriorityId = priorityId,
        })
    {
        SourceText = sourceText;
    }

    public Measure(int planId, string code, MeasureDefinition definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        PlanId = planId;
        Code = code.Trim();
        Name = string.Empty;
        Redefine(definition);
    }

    public int PlanId { get; private set; }

    /// <summary>The priority the measure is reported under.</summary>
    public int? PriorityId { get; private set; }

    /// <summary>A stable short key, e.g. "MASH-CONTACTS-1WD".</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>What is counted and how.</summary>
    public string? Description { get; private set; }

    public MeasureUnit Unit { get; private set; }

    /// <summary>How many decimal places figures and targets are given to.</summary>
    public int DecimalPlaces { get; private set; }

    public Polarity Polarity { get; private set; }

    /// <summary>The amber band, in the measure's unit (percentage points for percentages).</summary>
    public decimal Tolerance { get; private set; }

    public MeasureFrequency Frequency { get; private set; }

    /// <summary>Days after a period ends that its figure is due.</summary>
    public int LagDays { get; private set; }

    /// <summary>The Identity user who provides the figures, if one is named; they may enter figures whatever their role.</summary>
    public string? DataOwnerUserId { get; private set; }

    /// <summary>The data owner's job title.</summary>
    public string? Owner { get; private set; }

    /// <summary>Where the figures come from.</summary>
    public string? Source { get; private set; }

    /// <summary>The sentence of the source document the seeded figures come from.</summary>
    public string? SourceText { get; private set; }

    public TrajectoryShape TrajectoryShape { get; private set; }

    public decimal? BaselineValue { get; private set; }

    public DateOnly? BaselinePeriodStart { get; private set; }

    public DateOnly? BaselinePeriodEnd { get; private set; }

    public string? BaselinePeriodLabel { get; private set; }

    /// <summary>The date the measure stopped being reported; its history stays.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public bool IsRetired => RetiredOn is not null;

    public IReadOnlyCollection<MeasureTarget> Targets => _targets;

    public IReadOnlyCollection<MeasureActual> Actuals => _actuals;

    public IReadOnlyCollection<MeasureComparator> Comparators => _comparators;

    /// <summary>Other priorities the measure gives evidence for, beyond the one it is reported under.</summary>
    public IReadOnlyCollection<Priority> LinkedPriorities => _linkedPriorities;

    /// <summary>Actions whose impact the measure shows.</summary>
    public IReadOnlyCollection<ImprovementAction> LinkedActions => _linkedActions;

    /// <summary>The definition as it stands, to edit.</summary>
    public MeasureDefinition Definition => new()
    {
        Name = Name,
        Description = Description,
        Unit = Unit,
        DecimalPlaces = DecimalPlaces,
        Polarity = Polarity,
        Tolerance = Tolerance,
        Frequency = Frequency,
        LagDays = LagDays,
        DataOwnerUserId = DataOwnerUserId,
        Owner = Owner,
        Source = Source,
        PriorityId = PriorityId,
        TrajectoryShape = TrajectoryShape,
    };

    public void Redefine(MeasureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        if (definition.DecimalPlaces is < 0 or > MaxDecimalPlaces)
        {
            throw new DomainRuleException($"Decimal places must be between 0 and {MaxDecimalPlaces}.");
        }

        if (definition.Tolerance < 0)
        {
            throw new DomainRuleException("The tolerance cannot be negative.");
        }

        if (definition.LagDays is < 0 or > MaxLagDays)
        {
            throw new DomainRuleException($"The days after a period ends that its figure is due must be between 0 and {MaxLagDays}.");
        }

        Name = definition.Name.Trim();
        Description = Trimmed(definition.Description);
        Unit = definition.Unit;
        DecimalPlaces = definition.DecimalPlaces;
        Polarity = definition.Polarity;
        Tolerance = definition.Tolerance;
        Frequency = definition.Frequency;
        LagDays = definition.LagDays;
        DataOwnerUserId = Trimmed(definition.DataOwnerUserId);
        Owner = Trimmed(definition.Owner);
        Source = Trimmed(definition.Source);
        PriorityId = definition.PriorityId;
        TrajectoryShape = definition.TrajectoryShape;
    }

    /// <summary>Stops reporting the measure from <paramref name="on"/>; its figures, targets and comparators stay.</summary>
    public void Retire(DateOnly on)
    {
        if (RetiredOn is not null)
        {
            throw new DomainRuleException("This measure is already retired.");
        }

        RetiredOn = on;
    }

    public void Reinstate() => RetiredOn = null;

    /// <summary>Whether the measure had been retired by <paramref name="asAt"/>.</summary>
    public bool IsRetiredBy(DateOnly asAt) => RetiredOn is { } retired && retired <= asAt;

    /// <summary>Sets the figure the trajectory starts from, or clears it when <paramref name="value"/> is null.</summary>
    public void SetBaseline(decimal? value, MeasurePeriod? period, string? periodLabel = null)
    {
        if (value is not null && period is null)
        {
            throw new DomainRuleException("A baseline needs the period it was measured for.");
        }

        BaselineValue = value;
        BaselinePeriodStart = value is null ? null : period?.Start;
        BaselinePeriodEnd = value is null ? null : period?.End;
        BaselinePeriodLabel = value is null ? null : Trimmed(periodLabel) ?? period?.Label(Frequency);
    }

    public void LinkPriority(Priority priority)
    {
        ArgumentNullException.ThrowIfNull(priority);
        if (!_linkedPriorities.Contains(priority))
        {
            _linkedPriorities.Add(priority);
        }
    }

    public void ReplaceLinkedPriorities(IEnumerable<Priority> priorities)
    {
        ArgumentNullException.ThrowIfNull(priorities);
        var wanted = priorities.DistinctBy(p => p.Id).ToList();
        _linkedPriorities.RemoveAll(p => wanted.All(w => w.Id != p.Id));
        foreach (var priority in wanted.Where(w => _linkedPriorities.All(p => p.Id != w.Id)))
        {
            _linkedPriorities.Add(priority);
        }
    }

    public void ReplaceLinkedActions(IEnumerable<ImprovementAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var wanted = actions.DistinctBy(a => a.Id).ToList();
        _linkedActions.RemoveAll(a => wanted.All(w => w.Id != a.Id));
        foreach (var action in wanted.Where(w => _linkedActions.All(a => a.Id != w.Id)))
        {
            _linkedActions.Add(action);
        }
    }

    public void AddTarget(DateOnly date, decimal value, string? label) => AddTarget(date, value, label, note: null, dateAssumed: false);

    /// <summary>Adds a point to the trajectory; one point per date.</summary>
    public MeasureTarget AddTarget(DateOnly date, decimal value, string? label, string? note, bool dateAssumed)
    {
        if (_targets.Any(t => t.Date == date))
        {
            throw new DomainRuleException($"There is already a target for {date:d MMMM yyyy}. Change that target instead.");
        }

        var target = new MeasureTarget(date, value, Trimmed(label), Trimmed(note), dateAssumed);
        _targets.Add(target);
        return target;
    }

    public void ChangeTarget(int targetId, DateOnly date, decimal value, string? label, string? note, bool dateAssumed)
    {
        var target = _targets.SingleOrDefault(t => t.Id == targetId)
            ?? throw new DomainRuleException("That target is not on this measure.");
        if (_targets.Any(t => t.Id != targetId && t.Date == date))
        {
            throw new DomainRuleException($"There is already a target for {date:d MMMM yyyy}. Change that target instead.");
        }

        target.Change(date, value, Trimmed(label), Trimmed(note), dateAssumed);
    }

    public void RemoveTarget(int targetId)
    {
        var target = _targets.SingleOrDefault(t => t.Id == targetId)
            ?? throw new DomainRuleException("That target is not on this measure.");
        _targets.Remove(target);
    }

    /// <summary>Records a figure transcribed from a document: produced by the end of its period, not provisional.</summary>
    public void RecordActual(DateOnly periodStart, DateOnly periodEnd, string? periodLabel, decimal value, string? note) =>
        RecordActual(new MeasurePeriod(periodStart, periodEnd), value, note, isProvisional: false, asAt: periodEnd, null, null, periodLabel);

    /// <summary>Records the figure for one period. A second figure for the same period is refused: correct the first.</summary>
    public MeasureActual RecordActual(MeasurePeriod period, decimal value, string? note, bool isProvisional, DateOnly asAt,
        string? recordedByUserId, string? recordedBy, string? periodLabel = null)
    {
        if (!MeasurePeriod.Fits(Frequency, period.Start, period.End))
        {
            throw new DomainRuleException($"The period must be one {FrequencyText.PeriodNoun(Frequency)}.");
        }

        if (ActualFor(period) is not null)
        {
            throw new DomainRuleException($"There is already a figure for {period.Label(Frequency)}. Correct that figure instead.");
        }

        var actual = new MeasureActual(period, Trimmed(periodLabel) ?? period.Label(Frequency), value, Trimmed(note), isProvisional, asAt,
            recordedByUserId, recordedBy);
        _actuals.Add(actual);
        return actual;
    }

    /// <summary>Corrects a recorded figure; the reason is kept with it and in the audit.</summary>
    public MeasureActual CorrectActual(int actualId, decimal value, string? note, bool isProvisional, DateOnly asAt, string reason,
        string? correctedByUserId, string? correctedBy)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter why the figure is being corrected.");
        }

        var actual = _actuals.SingleOrDefault(a => a.Id == actualId)
            ?? throw new DomainRuleException("That figure is not on this measure.");
        actual.Correct(value, Trimmed(note), isProvisional, asAt, reason.Trim(), correctedByUserId, correctedBy);
        return actual;
    }

    /// <summary>Gives figures recorded before figures carried a production date the one their source implies.</summary>
    public void DateProductionOfActual(int actualId, DateOnly asAt)
    {
        var actual = _actuals.SingleOrDefault(a => a.Id == actualId)
            ?? throw new DomainRuleException("That figure is not on this measure.");
        actual.DateProduction(asAt);
    }

    public MeasureActual? ActualFor(MeasurePeriod period) =>
        _actuals.FirstOrDefault(a => a.PeriodStart == period.Start && a.PeriodEnd == period.End);

    /// <summary>Gives comparators recorded before comparators had a kind the kind their name implies ("England", "West Midlands").</summary>
    public void ClassifyComparatorsByName()
    {
        foreach (var comparator in _comparators.Where(c => c.Kind == ComparatorKind.Other))
        {
            var kind = MeasureComparator.KindFromName(comparator.Name);
            if (kind != ComparatorKind.Other && !_comparators.Any(c => c != comparator && c.Kind == kind && c.Name == comparator.Name
                && c.PeriodStart == comparator.PeriodStart && c.PeriodEnd == comparator.PeriodEnd))
            {
                comparator.Classify(kind);
            }
        }
    }

    /// <summary>Keeps the sentence of the source document a seeded measure was transcribed from.</summary>
    public void SetSourceText(string? sourceText) => SourceText = Trimmed(sourceText);

    public void AddComparator(string name, decimal value, string? periodLabel) =>
        RecordComparator(MeasureComparator.KindFromName(name), name, value, null, periodLabel, null, null);

    /// <summary>
    /// Records a comparator figure, or changes the one already held for the same kind, name and period;
    /// returns false when the same figure was already there (so importing a file twice changes nothing).
    /// </summary>
    public bool RecordComparator(ComparatorKind kind, string name, decimal value, MeasurePeriod? period, string? periodLabel, string? source,
        int? neighbourCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var label = Trimmed(periodLabel) ?? period?.Label(Frequency);
        var existing = _comparators.FirstOrDefault(c => c.Kind == kind
            && string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
            && c.PeriodStart == period?.Start && c.PeriodEnd == period?.End);
        if (existing is not null)
        {
            return existing.Set(value, period, label, Trimmed(source), neighbourCount);
        }

        _comparators.Add(new MeasureComparator(kind, name.Trim(), value, period, label, Trimmed(source), neighbourCount));
        return true;
    }

    public void RemoveComparator(int comparatorId)
    {
        var comparator = _comparators.SingleOrDefault(c => c.Id == comparatorId)
            ?? throw new DomainRuleException("That comparator is not on this measure.");
        _comparators.Remove(comparator);
    }

    /// <summary>What the rating rule needs to know about this measure.</summary>
    public MeasureFacts Facts() => new()
    {
        Unit = Unit,
        DecimalPlaces = DecimalPlaces,
        Polarity = Polarity,
        Tolerance = Tolerance,
        Frequency = Frequency,
        LagDays = LagDays,
        Shape = TrajectoryShape,
        Baseline = BaselineValue is { } value && BaselinePeriodEnd is { } end ? new TargetPoint(end, value) : null,
        Targets = [.. _targets.OrderBy(t => t.Date).Select(t => new TargetPoint(t.Date, t.Value, t.DateAssumed))],
        Actuals = [.. _actuals.Select(a => new ActualPoint(a.PeriodStart, a.PeriodEnd, a.Value, a.AsAt, a.PeriodLabel))],
        RetiredOn = RetiredOn,
    };

    /// <summary>Whether the measure is on track, using only the figures produced by <paramref name="asAt"/>.</summary>
    public MeasureRating RateAsAt(DateOnly asAt) => MeasureRatingRule.Rate(Facts(), asAt);

    /// <summary>
    /// The next period whose figure is wanted as at <paramref name="today"/> and when it is due: the period after
    /// the latest figure, or the last finished period when there is none. Null for one-off and retired measures.
    /// </summary>
    public (MeasurePeriod Period, DateOnly DueOn)? NextFigureDue(DateOnly today)
    {
        if (Frequency == MeasureFrequency.OneOff || IsRetiredBy(today))
        {
            return null;
        }

        var latest = _actuals.Where(a => a.AsAt <= today).MaxBy(a => a.PeriodEnd);
        var period = latest is null
            ? MeasurePeriod.Containing(Frequency, today).Previous(Frequency)
            : MeasurePeriod.Containing(Frequency, latest.PeriodEnd).Next(Frequency);
        return (period, period.End.AddDays(LagDays));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
