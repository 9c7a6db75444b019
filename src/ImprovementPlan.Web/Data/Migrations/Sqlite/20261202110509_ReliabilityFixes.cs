using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReliabilityFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DueDateChanges_OnePendingPerAction",
                table: "DueDateChanges",
                column: "ActionId",
                unique: true,
                filter: "State = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DueDateChanges_OnePendingPerAction",
                table: "DueDateChanges");
        }
    }
}
