using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures;

/// <summary>Builds measures in the seeded plan, so tests do not lean on a particular seeded measure.</summary>
public static class MeasureTestData
{
    /// <summary>A monthly percentage measure, higher is better, 5-point tolerance, figures due 14 days after each month.</summary>
    public static async Task<Measure> CreateMeasureAsync(this AppFactory factory, Func<MeasureDefinition, MeasureDefinition>? configure = null,
        Action<Measure>? arrange = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync();
            var definition = new MeasureDefinition
            {
                Name = $"Test measure {Guid.NewGuid():N}"[..24],
                Unit = MeasureUnit.Percent,
                Polarity = Polarity.HigherIsBetter,
                Tolerance = 5m,
                Frequency = MeasureFrequency.Monthly,
                LagDays = 14,
            };
            var measure = new Measure(plan.Id, $"TEST-{Guid.NewGuid():N}"[..20], configure?.Invoke(definition) ?? definition);
            arrange?.Invoke(measure);
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            return measure;
        });
    }

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> ClientForAsync(this AppFactory factory, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, Users.Password)).StatusCode);
        return client;
    }
}
