using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>The decisions meetings recorded about an action, priority or measure, newest first, for that record's own page.</summary>
public sealed class DecisionsViewComponent(ImprovementPlanDbContext db, CurrentPlan currentPlan) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(AgendaSubject subject, int subjectId)
    {
        var planId = await currentPlan.IdAsync();
        var rows = await (from i in db.AgendaItems.AsNoTracking()
                          join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
                          where i.PlanId == planId && m.PlanId == planId && i.Subject == subject && i.SubjectId == subjectId && i.Decision != null
                          orderby m.Date descending, i.Id descending
                          select new { MeetingId = m.Id, m.Title, m.Date, i.Decision }).ToListAsync();
        var html = new HtmlContentBuilder();
        html.AppendHtml("<h2 class=\"govuk-heading-m\" id=\"decisions\">Decisions at meetings</h2>");
        if (rows.Count == 0)
        {
            html.AppendHtml("<p class=\"govuk-body\" data-testid=\"no-decisions\">No meeting has recorded a decision about this yet.</p>");
            return new HtmlContentViewComponentResult(html);
        }

        html.AppendHtml("<ul class=\"govuk-list govuk-list--spaced\" data-testid=\"decisions\">");
        foreach (var row in rows)
        {
            html.AppendHtml("<li><a class=\"govuk-link\" href=\"").Append(MeetingPaths.Meeting(row.MeetingId)).AppendHtml("\">")
                .Append($"{row.Title}, {MeetingPaths.Date(row.Date)}").AppendHtml("</a>: ").Append(row.Decision).AppendHtml("</li>");
        }

        html.AppendHtml("</ul>");
        return new HtmlContentViewComponentResult(html);
    }
}
