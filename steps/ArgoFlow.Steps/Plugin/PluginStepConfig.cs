using System.Globalization;
using System.Text.Json;
using ArgoFlow.Core.Errors;
using ArgoFlow.Core.Text;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Client.Balancing;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// A validated <c>plugin.argoflow</c> object: <c>type</c> (resize | detect | filter | pipeline), <c>endpoint</c>
/// (gRPC host:port), <c>timeoutSeconds</c> (default 30) and <c>request</c> (the same object the http template
/// would POST).
/// </summary>
public sealed record PluginStepConfig(StepBinding Binding, string Endpoint, TimeSpan Timeout, string RequestJson)
{
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>The fields of <c>plugin.argoflow</c>: anything else is a typo, reported rather than ignored.</summary>
    private static readonly string[] Fields = ["type", "endpoint", "timeoutSeconds", "request"];

    /// <summary>Reads the object, or returns every problem with it (paths as they appear in the template).</summary>
    public static (PluginStepConfig? Config, IReadOnlyList<string> Problems) Read(JsonElement config)
    {
        var problems = new List<string>();
        if (config.ValueKind != JsonValueKind.Object)
        {
            return (null, ["plugin.argoflow must be an object {type, endpoint, timeoutSeconds, request}"]);
        }

        foreach (var property in config.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            problems.Add($"plugin.argoflow.{property.Name} is not a field of the argoflow plugin (it has {string.Join(", ", Fields)})");
        }

        var typeName = String(config, "type");
        var binding = typeName is null ? null : StepBinding.Find(typeName);
        if (binding is null)
        {
            problems.Add($"plugin.argoflow.type must be one of {string.Join(", ", StepBinding.All.Select(b => b.Name))}" +
                (typeName is null ? string.Empty : $", got '{typeName}'"));
        }

        var endpoint = String(config, "endpoint");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            problems.Add("plugin.argoflow.endpoint must be the service's gRPC address host:port");
        }
        else if (EndpointProblem(endpoint) is { } problem)
        {
            problems.Add(problem);
        }

        var timeout = DefaultTimeoutSeconds;
        if (config.TryGetProperty("timeoutSeconds", out var t) && !TryReadSeconds(t, out timeout))
        {
            problems.Add($"plugin.argoflow.timeoutSeconds must be a whole number of seconds >= 1, got {t.GetRawText()}");
        }

        if (!config.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            problems.Add("plugin.argoflow.request must be an object (the step's request, as the http template's body)");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new PluginStepConfig(binding!, endpoint!, TimeSpan.FromSeconds(timeout), request.GetRawText()), problems);
    }

    /// <summary>A path, query or unknown scheme (<c>http://host:9090/v1</c>) once reached the channel and answered HTTP 500.</summary>
    private static string? EndpointProblem(string endpoint)
    {
        try
        {
            // The same parse the step client does: HOST:PORT, https://, dns:///, or a list; no path, query, fragment or user.
            _ = ServiceTarget.Parse(endpoint);
            return null;
        }
        catch (ArgoFlowException ex)
        {
            return $"plugin.argoflow.endpoint: {ex.Message}; {ex.Hint}";
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Argo substitutes {{...}} inside strings, so a templated timeout arrives as "30"; both forms are accepted.
    private static bool TryReadSeconds(JsonElement value, out int seconds)
    {
        seconds = 0;
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out seconds),
            JsonValueKind.String => int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return parsed && seconds >= 1;
    }
}
