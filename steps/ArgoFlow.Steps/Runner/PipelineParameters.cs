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

        problems.AddRange(TypeProblems(spec, values));

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

    /// <summary>
    /// Each value checked against every step parameter it feeds (`padding: "{{inputs.parameters.padding}}"` must be
    /// an integer), so a bad -p is refused before the first step runs rather than after the ones before it.
    /// </summary>
    private static IEnumerable<string> TypeProblems(PipelineSpec spec, Dictionary<string, string> values)
    {
        foreach (var step in spec.Steps)
        {
            foreach (var (name, source) in step.With)
            {
                if (source is not ParameterRef reference || !values.TryGetValue(reference.Name, out var text) ||
                    step.Type.FindParameter(name) is not { } parameter)
                {
                    continue;
                }

                string? problem = null;
                try
                {
                    Client.StepValueParser.Parse(parameter, text, $"parameter '{reference.Name}' (step '{step.Name}' with.{name})");
                }
                catch (ArgoFlowException ex)
                {
                    problem = ex.Message;
                }

                if (problem is not null)
                {
                    yield return problem;
                }
            }
        }
    }
}
