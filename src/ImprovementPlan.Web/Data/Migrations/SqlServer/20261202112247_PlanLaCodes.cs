using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlanLaCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NewLaCode",
                table: "Plans",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldLaCode",
                table: "Plans",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "Plans",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionName",
                table: "Plans",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NewLaCode",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "OldLaCode",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "RegionName",
                table: "Plans");
        }
    }
}
