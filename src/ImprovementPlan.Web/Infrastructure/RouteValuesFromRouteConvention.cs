using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ImprovementPlan.Web.Infrastructure;

/// <summary>
/// A parameter named in an action's route template (an id, a reference, a number) is bound from the
/// route and nowhere else. MVC's default would let a form field or query string of the same name
/// win, so a tampered form could aim a write at a record other than the one in the URL.
/// </summary>
public sealed partial class RouteValuesFromRouteConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var names = action.Selectors
            .Select(s => s.AttributeRouteModel?.Template)
            .Concat([action.Controller.Selectors.FirstOrDefault()?.AttributeRouteModel?.Template])
            .OfType<string>()
            .SelectMany(t => RouteParameter().Matches(t).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var parameter in action.Parameters.Where(p => p.ParameterName is not null && names.Contains(p.ParameterName)))
        {
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex RouteParameter();
}
