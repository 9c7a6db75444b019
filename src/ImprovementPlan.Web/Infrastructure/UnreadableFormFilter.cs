using System.Diagnostics;
using ImprovementPlan.Web.Features.Evidence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ImprovementPlan.Web.Infrastructure;

/// <summary>
/// Reads a posted form before anything else does, so that a form which cannot be read gets a page
/// saying what to do: 413 when the body is over the limit (on an upload form, how many files of what
/// size may be sent), 400 when it is malformed or holds a NUL character. Without it, the antiforgery
/// check failed to read the form, the refusal was recorded as a forged request, and the error page
/// could not bind its own status. It runs after the upload routes raise their limits
/// (<see cref="EvidenceUploadLimitsAttribute"/>, order 900) and before the antiforgery check (1000).
/// </summary>
public sealed class UnreadableFormFilter(IConfiguration configuration, IModelMetadataProvider metadata) : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        int? status;
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            status = form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal)
                || field.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true))
                ? StatusCodes.Status400BadRequest
                : null;
        }
        catch (BadHttpRequestException exception)
        {
            status = exception.StatusCode;
        }
        catch (InvalidDataException exception)
        {
            // The form reader's own limits (a multipart body, a value, the number of fields).
            status = exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
        }
        catch (IOException)
        {
            status = StatusCodes.Status400BadRequest;
        }

        if (status is not { } code)
        {
            return;
        }

        var isUpload = context.ActionDescriptor.FilterDescriptors.Any(f => f.Filter is EvidenceUploadLimitsAttribute);
        var options = EvidenceOptions.From(configuration);
        var model = new UnreadableFormModel(
            code,
            code == StatusCodes.Status413PayloadTooLarge
                ? isUpload
                    ? $"The files you selected are too large to send together. Select up to {options.MaxFilesPerUpload} files at a time. Each file must be smaller than {options.MaxFileSizeText}."
                    : "The form is too large to send. Shorten what you have entered and try again."
                : "The form contains something that cannot be saved, such as a null character copied from another program. Remove it and try again.",
            BackUrl(http),
            Activity.Current?.Id ?? http.TraceIdentifier);
        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/UnreadableForm.cshtml",
            StatusCode = code,
            ViewData = new ViewDataDictionary<UnreadableFormModel>(metadata, context.ModelState) { Model = model },
        };
    }

    /// <summary>The form's own page: the posted address (forms here post back to the page that shows them), or a local referrer.</summary>
    private static string BackUrl(HttpContext http)
    {
        var referrer = http.Request.GetTypedHeaders().Referer;
        if (referrer is not null && referrer.IsAbsoluteUri && string.Equals(referrer.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return referrer.PathAndQuery;
        }

        return http.Request.PathBase + http.Request.Path;
    }
}

public sealed record UnreadableFormModel(int StatusCode, string Message, string BackUrl, string CorrelationId);
