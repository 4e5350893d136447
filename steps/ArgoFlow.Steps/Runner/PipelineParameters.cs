using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Runner;

/// <summary>Resolves a run's parameter values: given values over the spec's defaults; unknown or missing ones are errors.</summary>
public static class PipelineParameters
{
    public static IReadOnlyDictionary<string, string> Resolve(PipelineSpec spec, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(given);
        var problems = new List<string>();
        foreach (var name in given.Keys.Where(n => spec.Parameters.All(p => p.Name != n)).Order(StringComparer.Ordinal))
        {
            problems.Add($"'{name}' is not a parameter of pipeline '{spec.Name}'");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in spec.Parameters)
        {
            var value = given.TryGetValue(parameter.Name, out var v) ? v : parameter.Value;
            if (value is null)
            {
                problems.Add($"parameter '{parameter.Name}' has no default and was not given");
            }
            else
            {
                values[parameter.Name] = value;
            }
        }

        if (problems.Count > 0)
        {
            var known = spec.Parameters.Count == 0 ? "none" : string.Join(", ", spec.Parameters.Select(p => p.Name));
            throw new ArgoFlowException(
                ExitCode.InvalidInput,
                string.Join("; ", problems),
                $"set parameters with -p NAME=VALUE; pipeline '{spec.Name}' takes: {known}");
        }

        return values;
    }
}
