using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArgoFlow.TestSupport.Argo;

/// <summary>
/// Evaluates the http <c>successCondition</c> forms ArgoFlow generates, with the meaning Argo's agent gives them
/// (expr over <c>response.statusCode</c> and <c>response.body</c>; <c>&amp;&amp;</c> short-circuits; <c>fromJSON</c>
/// is expr's built-in JSON parser and fails on a body that is not JSON). Terms are
/// <c>response.statusCode == N</c> and <c>fromJSON(response.body).FIELD == 'TEXT'</c>; anything else throws, so a
/// generated condition this helper cannot read fails the test instead of passing it.
/// </summary>
public static partial class ArgoSuccessCondition
{
    /// <param name="condition">The template's successCondition; null means the agent's default, any 2xx status
    /// (workflow/executor/agent.go, executeHTTPTemplate).</param>
    /// <param name="statusCode">The answer's status code.</param>
    /// <param name="body">The answer's body.</param>
    public static bool Evaluate(string? condition, int statusCode, string body)
    {
        if (condition is null)
        {
            return statusCode is >= 200 and < 300;
        }

        foreach (var term in condition.Split("&&", StringSplitOptions.TrimEntries))
        {
            if (!Holds(term, statusCode, body))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(string term, int statusCode, string body)
    {
        if (StatusTerm().Match(term) is { Success: true } status)
        {
            return statusCode == int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (BodyFieldTerm().Match(term) is { Success: true } field)
        {
            // expr's fromJSON: a body that is not JSON is an evaluation error, which Argo reports as a failed node.
            using var parsed = JsonDocument.Parse(body);
            return parsed.RootElement.ValueKind == JsonValueKind.Object
                && parsed.RootElement.TryGetProperty(field.Groups[1].Value, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() == field.Groups[2].Value;
        }

        throw new NotSupportedException($"successCondition term '{term}' is not one this helper evaluates");
    }

    [GeneratedRegex(@"^response\.statusCode == (\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusTerm();

    [GeneratedRegex(@"^fromJSON\(response\.body\)\.(\w+) == '([^']*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex BodyFieldTerm();
}
