using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RatingDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveryOverride = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ImpactRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ImpactNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EmbeddedConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
