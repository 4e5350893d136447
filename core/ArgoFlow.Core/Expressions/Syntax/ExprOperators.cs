namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>expr's operator precedences (parser/operator/operator.go); higher binds tighter.</summary>
internal static class ExprOperators
{
    public static readonly IReadOnlyDictionary<string, int> Unary = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["not"] = 50, ["!"] = 50, ["-"] = 90, ["+"] = 90,
    };

    public static readonly IReadOnlyDictionary<string, (int Precedence, bool RightAssociative)> Binary =
        new Dictionary<string, (int, bool)>(StringComparer.Ordinal)
        {
            ["|"] = (0, false),
            ["or"] = (10, false), ["||"] = (10, false),
            ["and"] = (15, false), ["&&"] = (15, false),
            ["=="] = (20, false), ["!="] = (20, false), ["<"] = (20, false), [">"] = (20, false),
            [">="] = (20, false), ["<="] = (20, false), ["in"] = (20, false), ["matches"] = (20, false),
            ["contains"] = (20, false), ["startsWith"] = (20, false), ["endsWith"] = (20, false),
            [".."] = (25, false),
            ["+"] = (30, false), ["-"] = (30, false),
            ["*"] = (60, false), ["/"] = (60, false), ["%"] = (60, false),
            ["**"] = (100, true), ["^"] = (100, true),
            ["??"] = (500, false),
        };

    /// <summary>Predicate builtins: how many arguments, which are closures, which optional (parser.go).</summary>
    public static readonly IReadOnlyDictionary<string, string> Predicates =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // e = expression, p = predicate, upper case = optional.
            ["all"] = "ep", ["none"] = "ep", ["any"] = "ep", ["one"] = "ep", ["filter"] = "ep", ["map"] = "ep",
            ["count"] = "eP", ["sum"] = "eP", ["find"] = "ep", ["findIndex"] = "ep", ["findLast"] = "ep",
            ["findLastIndex"] = "ep", ["groupBy"] = "ep", ["sortBy"] = "epE", ["reduce"] = "epE",
        };

    public static bool IsComparison(string op) => op is "<" or ">" or ">=" or "<=";

    public static bool AllowedNegateSuffix(string op) => op is "contains" or "matches" or "startsWith" or "endsWith" or "in";
}
