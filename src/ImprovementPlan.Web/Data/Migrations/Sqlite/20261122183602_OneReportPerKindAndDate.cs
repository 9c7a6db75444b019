using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneReportPerKindAndDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_PlanId_Kind_ReportDate",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PlanId_Kind_ReportDate",
                table: "Reports",
                columns: new[] { "PlanId", "Kind", "ReportDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_PlanId_Kind_ReportDate",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_PlanId_Kind_ReportDate",
                table: "Reports",
                columns: new[] { "PlanId", "Kind", "ReportDate" });
        }
    }
}
