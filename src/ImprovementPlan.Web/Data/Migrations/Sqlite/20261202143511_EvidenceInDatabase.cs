using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImprovementPlan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvidenceInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceContent",
                columns: table => new
                {
                    EvidenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceContent", x => x.EvidenceId);
                    table.ForeignKey(
                        name: "FK_EvidenceContent_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceContent");
        }
    }
}
