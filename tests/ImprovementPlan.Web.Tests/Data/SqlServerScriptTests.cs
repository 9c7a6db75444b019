using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImprovementPlan.Web.Tests.Data;

/// <summary>
/// SQL Server checked without a SQL Server: the idempotent migration script a DBA would run (every
/// migration, each guarded by the history table) is generated from the SQL Server context and parsed
/// by Microsoft's own T-SQL parser. A syntax error in a hand-written migration or a provider quirk
/// fails here rather than on a council's server.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        var options = new DbContextOptionsBuilder<SqlServerImprovementPlanDbContext>()
            .UseSqlServer("Server=(no-server);Database=ImprovementPlan;Trusted_Connection=True").Options;
        using var db = new SqlServerImprovementPlanDbContext(options);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void IdempotentMigrationScript_ParsesWithNoErrors()
    {
        var script = IdempotentScript();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        // Something was parsed: the script is not empty and holds statements.
        Assert.NotEmpty(((TSqlScript)fragment).Batches.SelectMany(b => b.Statements));
    }

    [Fact]
    public void IdempotentMigrationScript_HasEveryMigrationAndTheOnePendingRequestIndex()
    {
        var script = IdempotentScript();
        var options = new DbContextOptionsBuilder<SqlServerImprovementPlanDbContext>()
            .UseSqlServer("Server=(no-server);Database=ImprovementPlan;Trusted_Connection=True").Options;
        using var db = new SqlServerImprovementPlanDbContext(options);

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.Contains("IX_DueDateChanges_OnePendingPerAction", script, StringComparison.Ordinal);
    }
}
