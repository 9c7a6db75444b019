using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImprovementPlan.Web.Infrastructure;

/// <summary>
/// For measuring only (the benchmark turns it on with <c>Diagnostics:CountSqlCommands=true</c>): counts
/// the SQL commands each request sends and returns the count in an <c>X-Sql-Commands</c> response header.
/// Off by default, when nothing is registered and nothing is counted.
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Setting = "Diagnostics:CountSqlCommands";
    public const string Header = "X-Sql-Commands";
    private static readonly object Key = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (accessor.HttpContext?.Items[Key] is StrongBox<int> box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }

    /// <summary>Starts counting for a request and writes the count as the response starts.</summary>
    internal static void Attach(HttpContext context)
    {
        var box = new StrongBox<int>();
        context.Items[Key] = box;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = box.Value.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }

    /// <summary>Adds the counting step at the start of the pipeline, without touching Program.cs.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                Attach(context);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
