using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImprovementPlan.Web.Data;

// Used only by `dotnet ef migrations add`; each provider's migrations live in their own folder.
// See docs/architecture.md ("Adding a migration").

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteImprovementPlanDbContext>
{
    public SqliteImprovementPlanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteImprovementPlanDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerImprovementPlanDbContext>
{
    public SqlServerImprovementPlanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerImprovementPlanDbContext>()
            .UseSqlServer("Server=(design-time);Database=ImprovementPlan;Trusted_Connection=True").Options);
}
