using System.Text;
using ImprovementPlan.Web.Features.Export;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace ImprovementPlan.Web.Tests.Features.Export;

/// <summary>Cells a spreadsheet would run as a formula are written as text (a leading apostrophe); plain numbers stay numbers.</summary>
public sealed class CsvInjectionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Written(string field)
    {
        var output = new StringBuilder();
        Csv.AppendRecord(output, [field]);
        using var parser = new TextFieldParser(new StringReader(output.ToString())) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        return parser.ReadFields()!.Single();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")")]
    [InlineData("=1+2")]
    [InlineData("+1+2")]
    [InlineData("-1+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+2")]
    [InlineData("\r=1+2")]
    public void Formula_IsWrittenAsText(string field)
    {
        Assert.Equal("'" + field, Written(field));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("-12.5")]
    [InlineData("42")]
    [InlineData("Reduce re-referrals to 20%")]
    [InlineData("a=b")]
    public void PlainValue_IsWrittenAsItIs(string field)
    {
        Assert.Equal(field, Written(field));
    }

    [Fact]
    public async Task Export_ActionTextStartingWithAnEqualsSign_IsNotAFormula()
    {
        await factory.WithDbAsync(async db =>
        {
            var action = await db.Actions.SingleAsync(a => a.Reference == "QP21", Ct);
            db.Entry(action).Property(a => a.ActionText).CurrentValue = "=HYPERLINK(\"http://evil.example\",\"Open\")";
            return await db.SaveChangesAsync(Ct);
        });
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        var csv = await client.GetStringAsync(new Uri("/export/actions.csv", UriKind.Relative), Ct);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }
}
