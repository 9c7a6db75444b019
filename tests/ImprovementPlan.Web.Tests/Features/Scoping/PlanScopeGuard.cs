using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ImprovementPlan.Web.Tests.Features.Scoping;

/// <summary>
/// Which tables hold a plan's rows, and how a row is tied to its plan: read from the EF model, so a
/// table added later is covered without editing this list. A table is plan-owned when it has a PlanId
/// column, or a foreign key to a plan-owned table (ProgressUpdates through ActionId and PriorityId,
/// Evidence through ProgressUpdateId, the link tables through both their keys...).
/// </summary>
public sealed class PlanOwnedTables
{
    private PlanOwnedTables(Dictionary<string, Dictionary<string, string>> keys, HashSet<string> direct, Dictionary<string, string?> idColumns)
    {
        KeysByTable = keys;
        Direct = direct;
        IdColumns = idColumns;
    }

    /// <summary>For each plan-owned table, its columns that point at a plan-owned row, and the table they point at.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> KeysByTable { get; }

    /// <summary>Tables with a PlanId column of their own.</summary>
    public IReadOnlySet<string> Direct { get; }

    /// <summary>Each plan-owned table's single integer key column, if it has one.</summary>
    public IReadOnlyDictionary<string, string?> IdColumns { get; }

    public bool Contains(string table) => KeysByTable.ContainsKey(table);

    public static PlanOwnedTables From(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetTableName() != "Plans").ToList();
        var direct = types.Where(t => t.FindProperty("PlanId") is not null).Select(t => t.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var owned = new HashSet<string>(direct, StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var type in types.Where(t => !owned.Contains(t.GetTableName()!)))
            {
                if (type.GetForeignKeys().Any(fk => fk.PrincipalEntityType.GetTableName() is { } principal && owned.Contains(principal)))
                {
                    owned.Add(type.GetTableName()!);
                    grew = true;
                }
            }
        }
        while (grew);

        var keys = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var idColumns = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var type in types.Where(t => owned.Contains(t.GetTableName()!)))
        {
            var table = type.GetTableName()!;
            var columns = keys.TryGetValue(table, out var existing) ? existing : keys[table] = new(StringComparer.Ordinal);
            var primary = type.FindPrimaryKey();
            var id = primary is { Properties.Count: 1 } && primary.Properties[0].ClrType == typeof(int)
                ? primary.Properties[0].GetColumnName()
                : null;
            idColumns[table] = id;
            if (id is not null)
            {
                columns[id] = table;
            }

            foreach (var fk in type.GetForeignKeys().Where(fk => fk.Properties.Count == 1))
            {
                if (fk.PrincipalEntityType.GetTableName() is { } principal && owned.Contains(principal))
                {
                    columns[fk.Properties[0].GetColumnName()] = principal;
                }
            }
        }

        return new PlanOwnedTables(keys, direct, idColumns);
    }
}

/// <summary>A command that read plan-owned rows without naming the plan, and why it was judged so.</summary>
public sealed record ScopeViolation(string Sql, string Reason);

/// <summary>
/// Watches every SQL command the app sends while it is switched on and records each one that reads a
/// plan-owned table without tying it to the plan being shown. How a command is judged (all textual, on
/// the SQL EF Core writes for SQLite, with the command's parameter values):
/// <list type="number">
/// <item>Every reference to a plan-owned table (<c>FROM "Actions" AS "a"</c>, <c>JOIN ...</c>) is found.</item>
/// <item>A reference is <b>anchored</b> when the command compares its PlanId with the plan's id
/// (<c>"a"."PlanId" = @planId</c>, checking the parameter's value), or its key or a foreign key with ids
/// that all belong to the plan (<c>"p"."ActionId" = @actionId</c>, <c>IN (@ids1, @ids2)</c> or
/// <c>json_each(@ids)</c>; the values are looked up in the plan's ids, taken from the database before the
/// pages are shown).</item>
/// <item>A reference is also anchored when it is joined or correlated, key to key, with an anchored one
/// (<c>"p"."ActionId" = "a"."Id"</c>, or <c>PlanId = PlanId</c>). Sub-queries in FROM/JOIN are seen through:
/// <c>"s"."ImprovementActionId"</c> stands for the inner column it projects.</item>
/// <item>A table filtered by <c>WHERE 0</c> (EF's filter on an empty list) reads nothing and passes.</item>
/// <item>Anything left unanchored is a violation, as is a command against a plan-owned table that is not
/// a SELECT (the pages checked are GETs).</item>
/// </list>
/// Known limits: a PlanId comparison OR-ed with something broader still counts as an anchor; that is what
/// comparing the pages with and without a second plan covers.
/// </summary>
public sealed partial class PlanScopeGuard : DbCommandInterceptor
{
    private readonly ConcurrentQueue<ScopeViolation> _violations = new();
    private readonly ConcurrentQueue<string> _checked = new();
    private volatile Scope? _scope;

    public IReadOnlyCollection<ScopeViolation> Violations => _violations;

    /// <summary>Commands that touched plan-owned tables and were checked (so a pass is not a pass by silence).</summary>
    public IReadOnlyCollection<string> Checked => _checked;

    public void Start(PlanOwnedTables tables, int planId, IReadOnlyDictionary<string, HashSet<int>> planIds) =>
        _scope = new Scope(tables, planId, planIds);

    public void Stop() => _scope = null;

    public void Clear()
    {
        _violations.Clear();
        _checked.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Inspect(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inspect(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Inspect(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Inspect(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Inspect(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inspect(command);
        return ValueTask.FromResult(result);
    }

    private void Inspect(DbCommand command)
    {
        if (_scope is not { } scope)
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>()
            .ToDictionary(p => p.ParameterName.TrimStart('@', '$', ':'), p => p.Value, StringComparer.Ordinal);
        var problems = Judge(command.CommandText, parameters, scope);
        if (problems is null)
        {
            return;
        }

        _checked.Enqueue(command.CommandText);
        foreach (var problem in problems)
        {
            _violations.Enqueue(new ScopeViolation(command.CommandText, problem));
        }
    }

    /// <summary>Null when the command touches no plan-owned table; otherwise the problems found (none when scoped).</summary>
    public static List<string>? Judge(string sql, IReadOnlyDictionary<string, object?> parameters, Scope scope)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(scope);
        var references = TableReference().Matches(sql)
            .Select(m => (Table: m.Groups["table"].Value, Alias: m.Groups["alias"].Success ? m.Groups["alias"].Value : m.Groups["table"].Value))
            .Where(r => scope.Tables.Contains(r.Table))
            .ToList();
        var writes = WriteStatement().Matches(sql).Select(m => m.Groups["table"].Value).Where(scope.Tables.Contains).ToList();
        if (references.Count == 0 && writes.Count == 0)
        {
            return null;
        }

        var problems = writes.Select(t => $"writes to plan-owned table {t} while a page is read").ToList();
        var tableOf = references.GroupBy(r => r.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Table, StringComparer.Ordinal);
        var text = SeeThroughSubqueries(sql, tableOf);

        var anchored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (alias, table) in tableOf)
        {
            if (IsAnchoredByValue(text, alias, table, parameters, scope, out var wrongPlan))
            {
                anchored.Add(alias);
            }
            else if (wrongPlan is not null)
            {
                problems.Add($"{table} AS {alias}: {wrongPlan}");
            }
        }

        var links = ColumnEquality().Matches(text)
            .Select(m => (A: m.Groups["a"].Value, Ca: m.Groups["ca"].Value, B: m.Groups["b"].Value, Cb: m.Groups["cb"].Value))
            .ToList();
        bool grew;
        do
        {
            grew = false;
            foreach (var (a, ca, b, cb) in links)
            {
                foreach (var (from, fromColumn, to, toColumn) in new[] { (a, ca, b, cb), (b, cb, a, ca) })
                {
                    if (anchored.Contains(from) || !anchored.Contains(to) || !tableOf.TryGetValue(from, out var fromTable)
                        || !tableOf.TryGetValue(to, out var toTable))
                    {
                        continue;
                    }

                    if (IsKeyLink(scope.Tables, fromTable, fromColumn, toTable, toColumn))
                    {
                        anchored.Add(from);
                        grew = true;
                    }
                }
            }
        }
        while (grew);

        foreach (var (alias, table) in tableOf.Where(t => !anchored.Contains(t.Key)))
        {
            if (!problems.Any(p => p.StartsWith($"{table} AS {alias}:", StringComparison.Ordinal)))
            {
                problems.Add($"{table} AS {alias} is read without its plan (no PlanId, plan key or key join to a scoped table)");
            }
        }

        return problems;
    }

    /// <summary>A join of two tables is a key link when one side's column points at the other side's key, or both are PlanId.</summary>
    private static bool IsKeyLink(PlanOwnedTables tables, string fromTable, string fromColumn, string toTable, string toColumn)
    {
        if (fromColumn == "PlanId" && toColumn == "PlanId" && tables.Direct.Contains(fromTable) && tables.Direct.Contains(toTable))
        {
            return true;
        }

        var fromKeys = tables.KeysByTable[fromTable];
        var toKeys = tables.KeysByTable[toTable];
        // from.FK = to.Id (the row from points at an anchored row) or from.Id = to.FK (the anchored row points at it).
        return (fromKeys.TryGetValue(fromColumn, out var target) && target == toTable && tables.IdColumns[toTable] == toColumn)
            || (tables.IdColumns[fromTable] == fromColumn && toKeys.TryGetValue(toColumn, out var pointed) && pointed == fromTable)
            // Two rows pointing at the same anchored parent (u.ActionId = c.ActionId) are of the same plan.
            || (fromKeys.TryGetValue(fromColumn, out var a) && toKeys.TryGetValue(toColumn, out var b) && a == b && a != fromTable && b != toTable);
    }

    private static bool IsAnchoredByValue(string sql, string alias, string table, IReadOnlyDictionary<string, object?> parameters, Scope scope,
        out string? wrongPlan)
    {
        wrongPlan = null;
        // EF writes "WHERE 0" for a filter on an empty list: no row is read.
        if (Regex.IsMatch(sql, $"\"{Regex.Escape(table)}\" AS \"{Regex.Escape(alias)}\"\\s+WHERE 0\\s*$", RegexOptions.CultureInvariant))
        {
            return true;
        }

        var column = $"\"{Regex.Escape(alias)}\"\\.\"(?<column>\\w+)\"";
        var comparisons = new Regex($"{column}\\s*=\\s*(?<value>@\\w+|\\d+)\\b|(?<value>@\\w+|\\d+)\\s*=\\s*{column}", RegexOptions.CultureInvariant);
        var lists = new Regex($"{column}\\s+IN\\s*\\((?<list>[^()]*)\\)", RegexOptions.CultureInvariant);
        var jsonLists = new Regex($"{column}\\s+IN\\s*\\(\\s*SELECT\\s+\"?\\w+\"?\\.?\"?\\w*\"?\\s+FROM\\s+json_each\\(@(?<param>\\w+)\\)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        var keys = scope.Tables.KeysByTable[table];
        foreach (Match match in comparisons.Matches(sql))
        {
            var name = match.Groups["column"].Value;
            var value = ValueOf(match.Groups["value"].Value, parameters);
            if (name == "PlanId" && scope.Tables.Direct.Contains(table))
            {
                if (value == scope.PlanId)
                {
                    return true;
                }

                wrongPlan = $"PlanId compared with {value?.ToString(CultureInfo.InvariantCulture) ?? "an unknown value"}, not plan {scope.PlanId}";
            }
            else if (keys.TryGetValue(name, out var target) && value is { } id && scope.Ids(target).Contains(id))
            {
                return true;
            }
            else if (keys.ContainsKey(name) && value is { } other)
            {
                wrongPlan = $"{name} = {other}, which is not a row of plan {scope.PlanId}";
            }
        }

        foreach (Match match in lists.Matches(sql))
        {
            if (keys.TryGetValue(match.Groups["column"].Value, out var target))
            {
                var values = match.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => ValueOf(v, parameters)).ToList();
                if (values.Count > 0 && values.All(v => v is { } id && scope.Ids(target).Contains(id)))
                {
                    return true;
                }
            }
        }

        foreach (Match match in jsonLists.Matches(sql))
        {
            if (keys.TryGetValue(match.Groups["column"].Value, out var target)
                && parameters.TryGetValue(match.Groups["param"].Value, out var json) && json is string text)
            {
                var values = JsonSerializer.Deserialize<int[]>(text) ?? [];
                if (values.Length > 0 && values.All(scope.Ids(target).Contains))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int? ValueOf(string token, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!token.StartsWith('@'))
        {
            return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var literal) ? literal : null;
        }

        if (!parameters.TryGetValue(token[1..], out var value) || value is null or DBNull)
        {
            return null;
        }

        return value switch
        {
            int number => number,
            long number => (int)number,
            short number => number,
            _ => int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : null,
        };
    }

    /// <summary>
    /// Rewrites <c>"s"."Col"</c>, where s is a sub-query in FROM/JOIN, into the inner <c>"i"."Col"</c> it
    /// projects, so joins through the sub-query are seen as joins between tables. The sub-query alias is
    /// also given the inner table, so it can be anchored itself.
    /// </summary>
    private static string SeeThroughSubqueries(string sql, Dictionary<string, string> tableOf)
    {
        var text = sql;
        foreach (Match end in SubqueryAlias().Matches(sql))
        {
            var close = end.Index;
            var depth = 0;
            var open = -1;
            for (var i = close; i >= 0; i--)
            {
                depth += sql[i] == ')' ? 1 : sql[i] == '(' ? -1 : 0;
                if (depth == 0)
                {
                    open = i;
                    break;
                }
            }

            if (open < 0)
            {
                continue;
            }

            var inner = sql[(open + 1)..close];
            var fromAt = inner.IndexOf(" FROM ", StringComparison.Ordinal);
            if (!inner.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) || fromAt < 0)
            {
                continue;
            }

            var alias = end.Groups["alias"].Value;
            foreach (Match projected in Projection().Matches(inner[..fromAt]))
            {
                var innerAlias = projected.Groups["alias"].Value;
                var column = projected.Groups["column"].Value;
                var name = projected.Groups["as"].Success ? projected.Groups["as"].Value : column;
                text = text.Replace($"\"{alias}\".\"{name}\"", $"\"{innerAlias}\".\"{column}\"", StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex("(?:FROM|JOIN)\\s+\"(?<table>\\w+)\"(?:\\s+AS\\s+\"(?<alias>\\w+)\")?", RegexOptions.CultureInvariant)]
    private static partial Regex TableReference();

    [GeneratedRegex("(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+\"(?<table>\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    [GeneratedRegex("\"(?<a>\\w+)\"\\.\"(?<ca>\\w+)\"\\s*=\\s*\"(?<b>\\w+)\"\\.\"(?<cb>\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnEquality();

    [GeneratedRegex("\\)\\s+AS\\s+\"(?<alias>\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex SubqueryAlias();

    [GeneratedRegex("\"(?<alias>\\w+)\"\\.\"(?<column>\\w+)\"(?:\\s+AS\\s+\"(?<as>\\w+)\")?", RegexOptions.CultureInvariant)]
    private static partial Regex Projection();

    /// <summary>The plan being shown and the ids of its rows in each plan-owned table.</summary>
    public sealed class Scope(PlanOwnedTables tables, int planId, IReadOnlyDictionary<string, HashSet<int>> ids)
    {
        public PlanOwnedTables Tables { get; } = tables;

        public int PlanId { get; } = planId;

        public IReadOnlySet<int> Ids(string table) => ids.TryGetValue(table, out var set) ? set : [];
    }

    /// <summary>The ids of the plan's rows in every plan-owned table with an integer key, following the keys from PlanId down.</summary>
    public static async Task<Dictionary<string, HashSet<int>>> PlanIdsAsync(DbContext db, PlanOwnedTables tables, int planId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tables);
        var ids = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            async Task<HashSet<int>> ReadAsync(string sql)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                var found = new HashSet<int>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetInt32(0));
                }

                return found;
            }

            foreach (var table in tables.Direct.Where(t => tables.IdColumns.GetValueOrDefault(t) is not null))
            {
                ids[table] = await ReadAsync($"SELECT \"{tables.IdColumns[table]}\" FROM \"{table}\" WHERE \"PlanId\" = {planId}");
            }

            bool grew;
            do
            {
                grew = false;
                foreach (var (table, keys) in tables.KeysByTable.Where(t => !ids.ContainsKey(t.Key) && tables.IdColumns.GetValueOrDefault(t.Key) is not null))
                {
                    var parents = keys.Where(k => k.Value != table && ids.ContainsKey(k.Value)).ToList();
                    if (parents.Count == 0 || keys.Any(k => k.Value != table && !ids.ContainsKey(k.Value)))
                    {
                        continue;
                    }

                    var conditions = parents.Select(p => ids[p.Value].Count == 0
                        ? "0"
                        : $"\"{p.Key}\" IN ({string.Join(',', ids[p.Value])})");
                    ids[table] = await ReadAsync($"SELECT \"{tables.IdColumns[table]}\" FROM \"{table}\" WHERE {string.Join(" OR ", conditions)}");
                    grew = true;
                }
            }
            while (grew);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return ids;
    }
}
