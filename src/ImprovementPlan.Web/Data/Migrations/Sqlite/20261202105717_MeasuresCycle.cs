using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasuresCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeasureTargets_MeasureId_Date",
                table: "MeasureTargets");

            migrationBuilder.DropIndex(
                name: "IX_MeasureComparators_MeasureId",
                table: "MeasureComparators");

            migrationBuilder.AddColumn<bool>(
                name: "DateAssumed",
                table: "MeasureTargets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "MeasureTargets",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BaselinePeriodEnd",
                table: "Measures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BaselinePeriodLabel",
                table: "Measures",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BaselinePeriodStart",
                table: "Measures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "BaselineValue",
                table: "Measures",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataOwnerUserId",
                table: "Measures",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DecimalPlaces",
                table: "Measures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Measures",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LagDays",
                table: "Measures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Measures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Measures",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Tolerance",
                table: "Measures",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "TrajectoryShape",
                table: "Measures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Stepped");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "MeasureComparators",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<int>(
                name: "NeighbourCount",
                table: "MeasureComparators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEnd",
                table: "MeasureComparators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodStart",
                table: "MeasureComparators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "MeasureComparators",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AsAt",
                table: "MeasureActuals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "MeasureActuals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsProvisional",
                table: "MeasureActuals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "MeasureActuals",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "MeasureActuals",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeasureActions",
                columns: table => new
                {
                    LinkedActionsId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureActions", x => new { x.LinkedActionsId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_MeasureActions_Actions_LinkedActionsId",
                        column: x => x.LinkedActionsId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureActions_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurePriorities",
                columns: table => new
                {
                    LinkedPrioritiesId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurePriorities", x => new { x.LinkedPrioritiesId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_MeasurePriorities_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasurePriorities_Priorities_LinkedPrioritiesId",
                        column: x => x.LinkedPrioritiesId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTargets_MeasureId_Date",
                table: "MeasureTargets",
                columns: new[] { "MeasureId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measures_DataOwnerUserId",
                table: "Measures",
                column: "DataOwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureComparators_MeasureId_Kind_Name_PeriodStart_PeriodEnd",
                table: "MeasureComparators",
                columns: new[] { "MeasureId", "Kind", "Name", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureActuals_MeasureId_PeriodStart_PeriodEnd",
                table: "MeasureActuals",
                columns: new[] { "MeasureId", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureActions_MeasureId",
                table: "MeasureActions",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePriorities_MeasureId",
                table: "MeasurePriorities",
                column: "MeasureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureActions");

            migrationBuilder.DropTable(
                name: "MeasurePriorities");

            migrationBuilder.DropIndex(
                name: "IX_MeasureTargets_MeasureId_Date",
                table: "MeasureTargets");

            migrationBuilder.DropIndex(
                name: "IX_Measures_DataOwnerUserId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_MeasureComparators_MeasureId_Kind_Name_PeriodStart_PeriodEnd",
                table: "MeasureComparators");

            migrationBuilder.DropIndex(
                name: "IX_MeasureActuals_MeasureId_PeriodStart_PeriodEnd",
                table: "MeasureActuals");

            migrationBuilder.DropColumn(
                name: "DateAssumed",
                table: "MeasureTargets");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "MeasureTargets");

            migrationBuilder.DropColumn(
                name: "BaselinePeriodEnd",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "BaselinePeriodLabel",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "BaselinePeriodStart",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "BaselineValue",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "DataOwnerUserId",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "DecimalPlaces",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "LagDays",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "TrajectoryShape",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "MeasureComparators");

            migrationBuilder.DropColumn(
                name: "NeighbourCount",
                table: "MeasureComparators");

            migrationBuilder.DropColumn(
                name: "PeriodEnd",
                table: "MeasureComparators");

            migrationBuilder.DropColumn(
                name: "PeriodStart",
                table: "MeasureComparators");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "MeasureComparators");

            migrationBuilder.DropColumn(
                name: "AsAt",
                table: "MeasureActuals");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "MeasureActuals");

            migrationBuilder.DropColumn(
                name: "IsProvisional",
                table: "MeasureActuals");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "MeasureActuals");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "MeasureActuals");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTargets_MeasureId_Date",
                table: "MeasureTargets",
                columns: new[] { "MeasureId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureComparators_MeasureId",
                table: "MeasureComparators",
                column: "MeasureId");
        }
    }
}
