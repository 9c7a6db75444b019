using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ImprovementPlan.Web.Authorization;

/// <summary>
/// Who may do what. Role policies go on controllers and actions with [Authorize(Policy = …)];
/// <see cref="LeadsRecord"/> needs the record and is checked in code through IAuthorizationService.
/// </summary>
public static class Policies
{
    /// <summary>Edit the plan: action fields, new actions, lead officers, ratings overrides.</summary>
    public const string EditPlan = nameof(EditPlan);

    /// <summary>Approve or return progress updates, decide due-date changes, confirm Blue and impact.</summary>
    public const string DecideUpdates = nameof(DecideUpdates);

    /// <summary>Write progress updates (still subject to <see cref="LeadsRecord"/> for the record itself).</summary>
    public const string WriteUpdates = nameof(WriteUpdates);

    /// <summary>Change the action or priority given as the resource: its lead, or the Service Director.</summary>
    public const string LeadsRecord = nameof(LeadsRecord);

    public const string ManageUsers = nameof(ManageUsers);

    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>Prepare, edit and publish reports.</summary>
    public const string PrepareReports = nameof(PrepareReports);

    /// <summary>See draft (unpublished) reports: everyone but board members and partners.</summary>
    public const string ViewDraftReports = nameof(ViewDraftReports);

    /// <summary>Maintain measures, targets, actuals and comparators.</summary>
    public const string MaintainMeasures = nameof(MaintainMeasures);

    /// <summary>Schedule, move and cancel meetings, shape agendas, record minutes and confirm follow-ups.</summary>
    public const string ManageMeetings = nameof(ManageMeetings);

    public static AuthorizationBuilder AddImprovementPlanPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(EditPlan, p => p.RequireRole(Roles.Administrator, Roles.ServiceDirector))
            .AddPolicy(DecideUpdates, p => p.RequireRole(Roles.ServiceDirector))
            .AddPolicy(WriteUpdates, p => p.RequireRole(Roles.HeadOfService, Roles.ServiceDirector))
            .AddPolicy(LeadsRecord, p => p.AddRequirements(new LeadsRecordRequirement()))
            .AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(ViewAudit, p => p.RequireRole(Roles.Administrator, Roles.ServiceDirector))
            .AddPolicy(PrepareReports, p => p.RequireRole(Roles.CommitteeClerk, Roles.ServiceDirector, Roles.Administrator))
            .AddPolicy(ViewDraftReports, p => p.RequireRole(Roles.CommitteeClerk, Roles.ServiceDirector, Roles.Administrator,
                Roles.HeadOfService, Roles.PerformanceOfficer))
            .AddPolicy(MaintainMeasures, p => p.RequireRole(Roles.PerformanceOfficer, Roles.ServiceDirector, Roles.Administrator))
            .AddPolicy(ManageMeetings, p => p.RequireRole(Roles.ServiceDirector, Roles.CommitteeClerk));
    }
}
