using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_FormKey",
                table: "ProgressUpdates",
                column: "FormKey",
                unique: true);
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
