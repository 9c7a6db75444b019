using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RatingDecisionsAndReportCommittee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Committee",
                table: "Reports",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RatingDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionId = table.Column<int>(type: "int", nullable: false),
                    DeliveryOverride = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    OverrideReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ImpactRag = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    ImpactNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EmbeddedConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingDecisions_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RatingDecisions_ActionId_DecidedAtUtc",
                table: "RatingDecisions",
                columns: new[] { "ActionId", "DecidedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RatingDecisions");

            migrationBuilder.DropColumn(
                name: "Committee",
                table: "Reports");
        }
    }
}
