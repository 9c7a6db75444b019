using ImprovementPlan.Web.Data.Seeding;
using ImprovementPlan.Web.Features.Evidence;
using ImprovementPlan.Web.Features.Notifications;
using ImprovementPlan.Web.Infrastructure;
using ImprovementPlan.Web.Infrastructure.Backup;
using ImprovementPlan.Web.Infrastructure.Email;
using ImprovementPlan.Web.Reports;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddImprovementPlanData(builder.Configuration, builder.Environment);
builder.Services.AddImprovementPlanIdentity(builder.Configuration);
builder.Services.AddImprovementPlanWeb(builder.Configuration);
builder.Services.AddReports(builder.Configuration);
builder.Services.AddImprovementPlanEmail(builder.Configuration);
builder.Services.AddNotificationJobs(builder.Configuration);
builder.Services.AddBackups(builder.Configuration);

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();
await app.Services.MoveFolderEvidenceIntoDatabaseAsync();

app.UseImprovementPlanPipeline();

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
