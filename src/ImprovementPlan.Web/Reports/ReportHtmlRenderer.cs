using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ImprovementPlan.Web.Reports;

/// <summary>
/// Renders a report's Razor view to a self-contained HTML string for Chromium: the print layout
/// inlines the compiled print stylesheet (wwwroot/css/print.css), so the page needs no URL.
/// </summary>
public sealed class ReportHtmlRenderer(
    ICompositeViewEngine viewEngine,
    ITempDataProvider tempDataProvider,
    IModelMetadataProvider metadataProvider,
    IWebHostEnvironment environment)
{
    private static string? _stylesheet;

    /// <summary>The print stylesheet, read once from wwwroot.</summary>
    public string PrintStylesheet
    {
        get
        {
            if (_stylesheet is null)
            {
                var file = environment.WebRootFileProvider.GetFileInfo("css/print.css");
                using var stream = file.Exists ? file.CreateReadStream() : Stream.Null;
                using var reader = new StreamReader(stream);
                // Sass puts a charset rule first; the HTML declares UTF-8 already.
                _stylesheet = reader.ReadToEnd().Replace("@charset \"UTF-8\";", string.Empty, StringComparison.Ordinal)
                    .Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase);
            }

            return _stylesheet;
        }
    }

    public async Task<string> RenderAsync(ActionContext actionContext, string viewPath, object model)
    {
        ArgumentNullException.ThrowIfNull(actionContext);
        var found = viewEngine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The report view {viewPath} was not found.");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(metadataProvider, new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, found.View, viewData,
            new TempDataDictionary(actionContext.HttpContext, tempDataProvider), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
