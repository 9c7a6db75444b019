using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Actions;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>One exported row: the action's plan columns with its status and delivery rating.</summary>
public sealed record ExportedAction(ImprovementAction Action, string WorkstreamCode, Rag DeliveryRag);

/// <summary>
/// The actions the action list shows for a filter, in its order, with the columns the list does not
/// carry: the same filter model and rules as /actions, so a download is exactly the view on screen.
/// </summary>
public sealed class ActionListExportQuery(ImprovementPlanDbContext db, ActionListQuery list)
{
    public async Task<IReadOnlyList<ExportedAction>> RunAsync(ActionFilter filter, string? userId, CancellationToken cancellationToken)
    {
        var page = await list.RunAsync(filter, userId, cancellationToken);
        if (page is null || page.Rows.Count == 0)
        {
            return [];
        }

        var ids = page.Rows.Select(r => r.Id).ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. page.Rows.Select(r => new ExportedAction(actions[r.Id], r.WorkstreamCode, r.Delivery.Rag))];
    }
}
