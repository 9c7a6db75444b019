using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>The plan's measures: the list, a measure's page, entering and correcting figures, and a month's return.</summary>
public sealed class MeasuresController(
    MeasureListQuery list,
    MeasureDetailQuery detail,
    RecordFigureHandler record,
    CorrectFigureHandler correct,
    EnterFiguresHandler grid) : Controller
{
    [HttpGet("/measures")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.RunAsync(ct));

    [HttpGet("/measures/{id:int}")]
    public async Task<IActionResult> Show([FromRoute] int id, CancellationToken ct) =>
        await detail.RunAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("/measures/{id:int}/figures")]
    public async Task<IActionResult> RecordFigure([FromRoute] int id, RecordFigureForm form, CancellationToken ct)
    {
        var result = await record.RunAsync(id, form, ct);
        if (result.Outcome == MeasureOutcome.Invalid)
        {
            AddErrors(result);
            ViewData["FigureForm"] = form;
            return View(nameof(Show), await detail.RunAsync(id, ct));
        }

        return Finish(result, $"/measures/{id}");
    }

    [HttpGet("/measures/{id:int}/figures/{figureId:int}/correct")]
    public async Task<IActionResult> Correct([FromRoute] int id, [FromRoute] int figureId, CancellationToken ct)
    {
        var (result, measure, figure) = await correct.FindAsync(id, figureId, ct);
        return result.Outcome switch
        {
            MeasureOutcome.NotFound => NotFound(),
            MeasureOutcome.Forbidden => Forbid(),
            _ => View(CorrectFigureForm.For(measure!, figure!)),
        };
    }

    [HttpPost("/measures/{id:int}/figures/{figureId:int}/correct")]
    public async Task<IActionResult> Correct([FromRoute] int id, [FromRoute] int figureId, CorrectFigureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await correct.RunAsync(id, figureId, form, ct);
        if (result.Outcome is MeasureOutcome.Invalid or MeasureOutcome.Conflict)
        {
            var (_, measure, figure) = await correct.FindAsync(id, figureId, ct);
            if (result.Outcome == MeasureOutcome.Conflict)
            {
                ModelState.AddModelError(string.Empty,
                    "Someone else corrected this figure while you were editing it. The figure below is theirs: check it and make your correction again");
                var fresh = CorrectFigureForm.For(measure!, figure!);
                fresh.Reason = form.Reason;
                return View(fresh);
            }

            AddErrors(result);
            form.Measure = measure;
            form.Figure = figure;
            return View(form);
        }

        return Finish(result, $"/measures/{id}");
    }

    [HttpGet("/measures/figures")]
    public async Task<IActionResult> Figures([FromQuery] string? period, CancellationToken ct)
    {
        if (!await grid.MayUseAsync(ct))
        {
            return Forbid();
        }

        var month = grid.MonthFor(period);
        return View(new EnterFiguresForm { Month = month.Key(Domain.Measures.MeasureFrequency.Monthly), Grid = await grid.GridAsync(month, ct) });
    }

    [HttpPost("/measures/figures")]
    public async Task<IActionResult> Figures(EnterFiguresForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await grid.MayUseAsync(ct))
        {
            return Forbid();
        }

        var result = await grid.SaveAsync(form, ct);
        if (result.Outcome == MeasureOutcome.Invalid)
        {
            AddErrors(result);
            form.Grid = await grid.GridAsync(grid.MonthFor(form.Month), ct);
            return View(form);
        }

        return Finish(result, $"/measures/figures?period={Uri.EscapeDataString(grid.MonthFor(form.Month).Key(Domain.Measures.MeasureFrequency.Monthly))}");
    }

    private IActionResult Finish(MeasureResult result, string redirectTo)
    {
        switch (result.Outcome)
        {
            case MeasureOutcome.NotFound:
                return NotFound();
            case MeasureOutcome.Forbidden:
                return Forbid();
            default:
                TempData["Notification"] = result.Notification;
                return Redirect(redirectTo);
        }
    }

    private void AddErrors(MeasureResult result)
    {
        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
