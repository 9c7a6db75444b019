using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImprovementPlan.Web.Features.Errors;

/// <summary>Friendly error pages. They show a correlation id for support, never internals.</summary>
[AllowAnonymous]
[Route("error")]
public sealed class ErrorsController : Controller
{
    /// <summary>
    /// The error statuses the app (or the server under it) answers with. Any other number in the
    /// address is not an error page, so it is a page that does not exist.
    /// </summary>
    private static readonly HashSet<int> ErrorStatuses =
    [
        400, 401, 403, 404, 405, 406, 408, 409, 410, 411, 413, 414, 415, 422, 429, 431,
        500, 501, 502, 503, 504,
    ];

    [Route("{statusCode:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show([FromRoute] int statusCode)
    {
        if (!ErrorStatuses.Contains(statusCode))
        {
            statusCode = StatusCodes.Status404NotFound;
        }

        // The database could not be read: the service is unavailable, not broken.
        if (IsDatabaseFailure(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            statusCode = StatusCodes.Status503ServiceUnavailable;
        }

        var model = new ErrorModel(statusCode, Activity.Current?.Id ?? HttpContext.TraceIdentifier);
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("NotFound", model),
            StatusCodes.Status403Forbidden => View("Forbidden", model),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests", model),
            StatusCodes.Status503ServiceUnavailable => View("ServiceUnavailable", model),
            >= 500 => View("ServerError", model),
            _ => View("Problem", model),
        };
    }

    /// <summary>A failure to reach or read the database, however deeply EF Core wrapped it.</summary>
    public static bool IsDatabaseFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record ErrorModel(int StatusCode, string CorrelationId);
