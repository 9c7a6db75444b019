using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UpdateFormKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormKey",
                table: "ProgressUpdates",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_FormKey",
                table: "ProgressUpdates",
                column: "FormKey",
                unique: true,
                filter: "[FormKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressUpdates_FormKey",
                table: "ProgressUpdates");

            migrationBuilder.DropColumn(
                name: "FormKey",
                table: "ProgressUpdates");
        }
    }
}
