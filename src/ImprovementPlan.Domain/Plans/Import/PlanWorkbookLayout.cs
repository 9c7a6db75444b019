namespace ImprovementPlan.Domain.Plans.Import;

/// <summary>The plan template's sheets and columns: what the export writes and the import reads.</summary>
public static class PlanWorkbookLayout
{
    public const string ActionsSheet = "Actions";
    public const string WorkstreamsSheet = "Workstreams";
    public const string PrioritiesSheet = "Priorities";
    public const string SourceReviewsSheet = "Source reviews";
    public const string StagesSheet = "Stages";
    public const string MeasuresSheet = "Measures";
    public const string TargetsSheet = "Targets";
    public const string ActualsSheet = "Actuals";
    public const string ReadMeSheet = "README";

    public static class Action
    {
        public const string Ref = "ref";
        public const string Workstream = "workstream";
        public const string LinkTo = "linkTo";
        public const string Text = "action";
        public const string Timeframe = "timeframe";
        public const string DueDate = "dueDate";
        public const string Outcome = "outcome";
        public const string HowWillWeKnow = "howWillWeKnow";
        public const string WhatSuccessLooksLike = "whatSuccessLooksLike";
        public const string SeniorResponsibleOfficer = "sro";
        public const string LeadOfficer = "leadOfficer";
        public const string Status = "status";
        public const string Priorities = "priorities";
        public const string SourceReviews = "sourceReviews";
        public const string Note = "note";
        public const string DeliveryRating = "deliveryRating";
        public const string ImpactRating = "impactRating";
    }

    /// <summary>The Actions sheet: the council's own columns first, in its order, then the ones the app adds.</summary>
    public static readonly IReadOnlyList<ImportField> ActionFields =
    [
        new(Action.Ref, "REF", true, "Reference", "Ref no", "Action ref", "Action reference", "Action no", "Action number", "No", "ID"),
        new(Action.Workstream, "WORKSTREAM", true, "Work stream", "Theme", "Strand", "Area"),
        new(Action.LinkTo, "LINK TO", false, "Link", "Links to", "Linked to", "Source"),
        new(Action.Text, "ACTIONS", true, "Action", "What we will do", "Task", "Activity", "Description"),
        new(Action.Timeframe, "TIMEFRAME", false, "Time frame", "Timescale", "Timescales", "When"),
        new(Action.DueDate, "DUE DATE", false, "Due", "Due by", "Deadline", "Target date", "By when", "Completion date", "Date due"),
        new(Action.Outcome, "OUTCOME", false, "Outcomes", "Intended outcome", "Expected outcome"),
        new(Action.HowWillWeKnow, "HOW WILL WE KNOW", false, "How will we know?", "Evidence", "Measure", "Measures of success"),
        new(Action.WhatSuccessLooksLike, "WHAT SUCCESS LOOKS LIKE", false, "Success", "Success criteria", "What does success look like"),
        new(Action.SeniorResponsibleOfficer, "SENIOR RESPONSIBLE OFFICER", false, "SRO", "Senior officer", "Accountable officer", "Accountable"),
        new(Action.LeadOfficer, "LEAD OFFICER", false, "Lead", "Who", "Owner", "Action owner", "Responsible officer", "Responsible", "Lead officer(s)"),
        new(Action.Status, "STATUS", false, "Progress", "Current status"),
        new(Action.Priorities, "PRIORITIES", false, "Priority", "Priority areas", "Ofsted priorities"),
        new(Action.SourceReviews, "SOURCE REVIEWS", false, "Source review", "Reviews", "Review codes"),
        new(Action.Note, "NOTE", false, "Notes", "Transcription note"),
        new(Action.DeliveryRating, "DELIVERY RATING", false, "RAG", "Rating", "Delivery RAG"),
        new(Action.ImpactRating, "IMPACT RATING", false, "Impact", "Impact RAG"),
    ];

    /// <summary>Columns the export writes for information and the import reads past: ratings are worked out, or confirmed in the app.</summary>
    public static readonly IReadOnlySet<string> InformationOnly = new HashSet<string>(StringComparer.Ordinal) { Action.DeliveryRating, Action.ImpactRating };

    public static readonly IReadOnlyList<ImportField> WorkstreamFields =
    [
        new("code", "CODE", true, "Workstream", "Ref"),
        new("name", "NAME", true, "Title", "Workstream name"),
        new("order", "ORDER", false, "Sort order"),
        new("accountableLead", "ACCOUNTABLE LEAD", false, "Lead"),
        new("description", "DESCRIPTION", false),
        new("outcomes", "OUTCOMES", false, "We will achieve"),
    ];

    public static readonly IReadOnlyList<ImportField> PriorityFields =
    [
        new("number", "NUMBER", true, "No", "Priority"),
        new("title", "TITLE", true, "Name"),
        new("heading", "HEADING", false),
        new("whatNeedsToImprove", "WHAT NEEDS TO IMPROVE", false),
        new("whatOfstedSaid", "WHAT OFSTED SAID", false),
        new("closingStatement", "CLOSING STATEMENT", false),
    ];

    public static readonly IReadOnlyList<ImportField> SourceReviewFields =
    [
        new("code", "CODE", true),
        new("title", "TITLE", true, "Name"),
        new("date", "DATE", false),
        new("dateText", "DATE AS WRITTEN", false, "Date text"),
    ];

    public static readonly IReadOnlyList<ImportField> StageFields =
    [
        new("number", "NUMBER", true, "Stage", "No"),
        new("name", "NAME", true, "Title"),
        new("targetDate", "TARGET DATE", true, "Date", "By"),
        new("targetDateText", "TARGET DATE AS WRITTEN", false, "Target date text"),
        new("description", "DESCRIPTION", false),
        new("benefits", "BENEFITS", false),
        new("deliverables", "DELIVERABLES", false),
    ];

    public static readonly IReadOnlyList<ImportField> MeasureFields =
    [
        new("code", "CODE", true),
        new("name", "NAME", true, "Measure"),
        new("description", "DESCRIPTION", false),
        new("priority", "PRIORITY", false),
        new("unit", "UNIT", false),
        new("decimalPlaces", "DECIMAL PLACES", false),
        new("polarity", "POLARITY", false),
        new("tolerance", "TOLERANCE", false),
        new("frequency", "FREQUENCY", false),
        new("lagDays", "LAG DAYS", false),
        new("owner", "OWNER", false),
        new("source", "SOURCE", false),
        new("sourceText", "SOURCE TEXT", false),
        new("trajectoryShape", "TRAJECTORY", false),
        new("baselineValue", "BASELINE", false),
        new("baselineStart", "BASELINE PERIOD START", false),
        new("baselineEnd", "BASELINE PERIOD END", false),
        new("baselineLabel", "BASELINE PERIOD", false),
        new("retiredOn", "RETIRED ON", false),
    ];

    public static readonly IReadOnlyList<ImportField> TargetFields =
    [
        new("measure", "MEASURE CODE", true, "Measure", "Code"),
        new("date", "DATE", true),
        new("value", "TARGET", true, "Value"),
        new("label", "LABEL", false),
        new("note", "NOTE", false),
        new("dateAssumed", "DATE ASSUMED", false),
    ];

    public static readonly IReadOnlyList<ImportField> ActualFields =
    [
        new("measure", "MEASURE CODE", true, "Measure", "Code"),
        new("periodStart", "PERIOD START", true),
        new("periodEnd", "PERIOD END", true),
        new("label", "PERIOD", false, "Label"),
        new("value", "FIGURE", true, "Value", "Actual"),
        new("note", "NOTE", false),
        new("asAt", "AS AT", false),
        new("provisional", "PROVISIONAL", false),
    ];
}
