using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeveralPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Workstreams",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Stages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "Stages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "SourceReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "SourceReviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LeadJobTitle",
                table: "Priorities",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredOn",
                table: "Priorities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "Priorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CopiedFromPlanId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentPlanId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CopiedFromActionId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeniorResponsibleUserId",
                table: "Actions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            // Rows from before this migration keep the order they were shown in.
            migrationBuilder.Sql("UPDATE Priorities SET SortOrder = Number");
            migrationBuilder.Sql("UPDATE Stages SET SortOrder = Number");
            migrationBuilder.Sql("UPDATE SourceReviews SET SortOrder = Id");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_CopiedFromPlanId",
                table: "Plans",
                column: "CopiedFromPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CurrentPlanId",
                table: "AspNetUsers",
                column: "CurrentPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_CopiedFromActionId",
                table: "Actions",
                column: "CopiedFromActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_SeniorResponsibleUserId",
                table: "Actions",
                column: "SeniorResponsibleUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Actions_CopiedFromActionId",
                table: "Actions",
                column: "CopiedFromActionId",
                principalTable: "Actions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Plans_CurrentPlanId",
                table: "AspNetUsers",
                column: "CurrentPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_CopiedFromPlanId",
                table: "Plans",
                column: "CopiedFromPlanId",
                principalTable: "Plans",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Actions_Actions_CopiedFromActionId",
                table: "Actions");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Plans_CurrentPlanId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_CopiedFromPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_CopiedFromPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CurrentPlanId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_Actions_CopiedFromActionId",
                table: "Actions");

            migrationBuilder.DropIndex(
                name: "IX_Actions_SeniorResponsibleUserId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Workstreams");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "SourceReviews");

            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "SourceReviews");

            migrationBuilder.DropColumn(
                name: "LeadJobTitle",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "CopiedFromPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "CurrentPlanId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CopiedFromActionId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "SeniorResponsibleUserId",
                table: "Actions");
        }
    }
}
