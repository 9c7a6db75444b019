using ImprovementPlan.Web.Features.Actions;
using ImprovementPlan.Web.Features.Shared;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>The action list, as filtered on /actions, as a workbook: the CSV's columns with real due dates and ratings in their colours.</summary>
public sealed class ActionListWorkbookQuery(ActionListExportQuery query)
{
    private static readonly XlsxColumn[] Columns =
    [
        new("REF", 8), new("WORKSTREAM", 13), new("LINK TO", 12), new("ACTIONS", 60), new("TIMEFRAME", 14), new("DUE DATE", 12),
        new("OUTCOME", 45), new("HOW WILL WE KNOW", 45), new("WHAT SUCCESS LOOKS LIKE", 45), new("SENIOR RESPONSIBLE OFFICER", 28),
        new("LEAD OFFICER", 28), new("STATUS", 16), new("RAG", 10),
    ];

    public async Task<byte[]> WriteAsync(ActionFilter filter, string? userId, CancellationToken cancellationToken = default)
    {
        var rows = await query.RunAsync(filter, userId, cancellationToken);
        using var writer = new XlsxWorkbookWriter();
        var sheet = writer.AddSheet("Actions", Columns);
        foreach (var (action, workstream, rag) in rows)
        {
            sheet.AddRow([
                action.Reference, workstream, action.LinkTo, action.ActionText, action.Timeframe, action.DueDate, action.Outcome, action.HowWillWeKnow,
                action.WhatSuccessLooksLike, action.SeniorResponsibleOfficer, action.LeadOfficer, RagDisplay.Status(action.Status),
                new XlsxRating(RagDisplay.Word(rag)),
            ]);
        }

        sheet.Finish();
        return writer.ToArray();
    }
}
