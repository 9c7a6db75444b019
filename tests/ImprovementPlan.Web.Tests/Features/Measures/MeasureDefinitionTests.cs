using System.Globalization;
using System.Net;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Measures;

/// <summary>Definitions, baselines, targets and comparators, kept by those who maintain measures. "Today" is 1 March 2021.</summary>
public sealed class MeasureDefinitionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (string, string)[] Definition(string code, string name) =>
    [
        ("Code", code), ("Name", name), ("Description", "Cases reviewed in the month"), ("Priority", "9"), ("Unit", "Days"),
        ("DecimalPlaces", "1"), ("Polarity", "LowerIsBetter"), ("Tolerance", "2.5"), ("Frequency", "Quarterly"), ("LagDays", "30"),
        ("TrajectoryShape", "Linear"), ("DataOwnerUserId", ""), ("Owner", "Head of Quality Assurance"), ("Source", "Liquid Logic"),
    ];

    [Fact]
    public async Task Post_NewMeasure_AsServiceDirector_IsCreatedWithItsDefinition()
    {
        using var client = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var response = await client.PostFormAsync("/measures/new", Definition("QA-REVIEW-DAYS", "Days to review a case"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var measure = await factory.WithDbAsync(db => db.Measures.SingleAsync(m => m.Code == "QA-REVIEW-DAYS", Ct));
        Assert.Equal((MeasureUnit.Days, 1, Polarity.LowerIsBetter, 2.5m, MeasureFrequency.Quarterly, 30, TrajectoryShape.Linear),
            (measure.Unit, measure.DecimalPlaces, measure.Polarity, measure.Tolerance, measure.Frequency, measure.LagDays, measure.TrajectoryShape));
        Assert.Equal($"/measures/{measure.Id}", response.Headers.Location!.OriginalString);
    }

    public static TheoryData<string, string, string> InvalidDefinitions => new()
    {
        { "Code", "", "Enter a code" },
        { "Code", "MASH-CONTACTS-1WD", "There is already a measure with the code MASH-CONTACTS-1WD" },
        { "Name", "", "Enter the measure’s name" },
        { "DecimalPlaces", "7", "Decimal places must be a whole number from 0 to 4" },
        { "Tolerance", "-1", "The tolerance must be a number, 0 or more" },
        { "LagDays", "soon", "Enter the days after a period ends that its figure is due, a whole number from 0 to 366" },
        { "Unit", "Furlongs", "Select the unit" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task Post_InvalidDefinition_ShowsTheMessageAndCreatesNothing(string field, string value, string message)
    {
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var code = $"NEW-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var fields = Definition(code, "A new measure").Select(f => f.Item1 == field ? (f.Item1, value) : f).ToArray();

        using var response = await client.PostFormAsync("/measures/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Measures.AnyAsync(m => m.Code == code, Ct)));
    }

    [Fact]
    public async Task Post_Retire_KeepsTheHistory_AndStopsTheRating()
    {
        var measure = await factory.CreateMeasureAsync(arrange: m =>
            m.RecordActual(new MeasurePeriod(new(2021, 1, 1), new(2021, 1, 31)), 70m, null, false, new DateOnly(2021, 2, 5), null, "Test"));
        using var client = await factory.SignedInClientAsync(Roles.Administrator);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/retire", ("RetireOn.Day", "1"), ("RetireOn.Month", "3"), ("RetireOn.Year", "2021"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync($"/measures/{measure.Id}");
        Assert.StartsWith("Not rated: the measure was retired on 1 March 2021.", page.QuerySelector("[data-testid=rating-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("[data-testid=figure-row]"));
    }

    [Fact]
    public async Task Post_TargetWithAssumedDate_AndBaseline_AndComparator_AreSavedAndShown()
    {
        var measure = await factory.CreateMeasureAsync();
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        var id = measure.Id.ToString(CultureInfo.InvariantCulture);

        using var target = await client.PostFormAsync($"/measures/{id}/targets", ("TargetDate.Day", "30"), ("TargetDate.Month", "6"),
            ("TargetDate.Year", "2021"), ("TargetValue", "80"), ("TargetLabel", "Quarter 1"), ("TargetNote", "Read as 2021/22"), ("DateAssumed", "true"));
        using var baseline = await client.PostFormAsync($"/measures/{id}/baseline", ("BaselineValue", "60"), ("BaselinePeriod", "2020-12-01"));
        using var comparator = await client.PostFormAsync($"/measures/{id}/comparators", ("Kind", "StatisticalNeighbours"), ("ComparatorValue", "71.4"),
            ("ComparatorPeriod", "2020-12-01"), ("NeighbourCount", "9"), ("ComparatorSource", "DfE, children in need 2020"));
        using var invalid = await client.PostFormAsync($"/measures/{id}/targets", ("TargetValue", "180"));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.OK],
            new[] { target.StatusCode, baseline.StatusCode, comparator.StatusCode, invalid.StatusCode });
        var errors = (await Users.ParseAsync(invalid)).QuerySelector("[data-testid=error-summary]")!.TextContent;
        Assert.Contains("Enter the date the target is for", errors, StringComparison.Ordinal);
        Assert.Contains("The target must be a percentage between 0 and 100", errors, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/measures/{id}");
        Assert.Equal("60% in December 2020", page.QuerySelector("[data-testid=baseline]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=target-row] [data-testid=date-assumed]"));
        Assert.Contains("Statistical neighbours (average of 9 neighbours)", page.QuerySelector("[data-testid=comparators]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RemoveTarget_TakesItOffTheTrajectory_AndTheHistoryKeepsIt()
    {
        var measure = await factory.CreateMeasureAsync();
        using var client = await factory.SignedInClientAsync(Roles.PerformanceOfficer);
        using var added = await client.PostFormAsync($"/measures/{measure.Id}/targets", ("TargetDate.Day", "31"), ("TargetDate.Month", "7"),
            ("TargetDate.Year", "2021"), ("TargetValue", "77"));
        var targetId = await factory.WithDbAsync(db => db.MeasureTargets.Where(t => t.MeasureId == measure.Id).Select(t => t.Id).SingleAsync(Ct));
        var form = await client.GetDocumentAsync($"/measures/{measure.Id}/targets");
        Assert.NotNull(form.QuerySelector($"[data-testid=remove-target-{targetId}]"));

        using var removed = await client.PostFormAsync($"/measures/{measure.Id}/targets/{targetId}/remove");
        using var again = await client.PostFormAsync($"/measures/{measure.Id}/targets/{targetId}/remove");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.NotFound], new[] { added.StatusCode, removed.StatusCode, again.StatusCode });
        Assert.False(await factory.WithDbAsync(db => db.MeasureTargets.AnyAsync(t => t.MeasureId == measure.Id, Ct)));
        var history = (await client.GetDocumentAsync($"/measures/{measure.Id}")).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Target removed", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RemoveTarget_AsViewer_ReturnsForbidden_AndKeepsTheTarget()
    {
        var measure = await factory.CreateMeasureAsync(arrange: m => m.AddTarget(new DateOnly(2021, 9, 30), 80m, null, null, dateAssumed: false));
        var targetId = await factory.WithDbAsync(db => db.MeasureTargets.Where(t => t.MeasureId == measure.Id).Select(t => t.Id).SingleAsync(Ct));
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.PostFormAsync($"/measures/{measure.Id}/targets/{targetId}/remove");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.MeasureTargets.AnyAsync(t => t.Id == targetId, Ct)));
    }

    [Fact]
    public async Task Get_Edit_AsDataOwnerWhoIsAViewer_ReturnsForbidden()
    {
        var owner = await factory.CreateAsync(Roles.Viewer);
        var measure = await factory.CreateMeasureAsync(d => d with { DataOwnerUserId = owner.Id });
        using var client = await factory.ClientForAsync(owner);

        using var edit = await client.GetAsync(new Uri($"/measures/{measure.Id}/edit", UriKind.Relative), Ct);
        using var targets = await client.PostFormAsync($"/measures/{measure.Id}/targets", ("TargetValue", "80"));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { edit.StatusCode, targets.StatusCode });
    }
}
