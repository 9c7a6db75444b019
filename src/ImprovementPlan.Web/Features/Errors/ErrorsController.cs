using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Errors;

/// <summary>Friendly error pages. They show a correlation id for support, never internals.</summary>
[AllowAnonymous]
[Route("error")]
public sealed class ErrorsController : Controller
{
    [Route("{statusCode:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int statusCode)
    {
        var model = new ErrorModel(statusCode, Activity.Current?.Id ?? HttpContext.TraceIdentifier);
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("NotFound", model),
            StatusCodes.Status403Forbidden => View("Forbidden", model),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests", model),
            >= 500 => View("ServerError", model),
            _ => View("Problem", model),
        };
    }
}

public sealed record ErrorModel(int StatusCode, string CorrelationId);
