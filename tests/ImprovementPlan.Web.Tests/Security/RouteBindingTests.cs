using System.Text.RegularExpressions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>Ids come from the route: a form field with the same name can never redirect a write.</summary>
public sealed partial class RouteBindingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public void EveryParameterNamedInARoute_IsBoundFromTheRouteOnly()
    {
        var actions = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.AttributeRouteInfo?.Template is not null)
            .ToList();
        var checkedParameters = 0;

        foreach (var action in actions)
        {
            var names = RouteParameter().Matches(action.AttributeRouteInfo!.Template!).Select(m => m.Groups["name"].Value)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in action.Parameters.Where(p => names.Contains(p.Name)))
            {
                checkedParameters++;
                Assert.True(parameter.BindingInfo?.BindingSource == BindingSource.Path,
                    $"{action.DisplayName}: parameter '{parameter.Name}' can be bound from outside the route.");
            }
        }

        Assert.True(checkedParameters > 10, $"Only {checkedParameters} route parameters were found; the test is not seeing the app's routes.");
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex RouteParameter();
}
