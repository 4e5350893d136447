using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;
using Google.Protobuf;

namespace ArgoFlow.Steps.Runner;

/// <summary>Resolves a step's inputs and parameter references for one run and builds its request through the catalogue.</summary>
internal static class StepInputs
{
    /// <summary>
    /// Output ports that a service only fills when asked: the catalogue parameter that asks for each. A later
    /// step reading the port turns the parameter on (the generator does the same in the templates).
    /// </summary>
    private static readonly Dictionary<string, string> Enablers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["detections"] = "writeDetections",
        ["annotated"] = "annotate",
    };

    public static IMessage BuildRequest(
        PipelineStep step,
        IReadOnlyList<StepRunResult> dependencies,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlySet<string> enabledOutputs)
    {
        var where = $"step '{step.Name}'";
        var with = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in step.With)
        {
            with[name] = value is ParameterRef p
                ? StepValueParser.Parse(
                    step.Type.FindParameter(name) ?? throw new ArgoFlowException(
                        ExitCode.InvalidInput, $"{where}: '{name}' is not a parameter of {step.Type.Name}"),
                    parameters[p.Name],
                    $"{where}: with.{name} (from {p})")
                : value;
        }

        foreach (var output in enabledOutputs)
        {
            if (Enablers.TryGetValue(output, out var parameter) && step.Type.FindParameter(parameter) is not null)
            {
                with.TryAdd(parameter, true);
            }
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (port, source) in step.Inputs)
        {
            inputs[port] = source switch
            {
                LiteralValue literal => literal.Value,
                ParameterRef p => parameters[p.Name],
                StepOutputRef r => ReadOutput(where, port, r, dependencies),
                _ => throw new ArgoFlowException(ExitCode.Bug, $"{where}: unknown input source {source}"),
            };
        }

        return StepRequestFactory.Create(step.Type, with, inputs, where);
    }

    private static string ReadOutput(string where, string port, StepOutputRef source, IReadOnlyList<StepRunResult> dependencies)
    {
        var upstream = dependencies.FirstOrDefault(d => d.Name == source.Step) ?? throw new ArgoFlowException(
            ExitCode.InvalidInput, $"{where}: input {port} reads {source} but does not depend on step '{source.Step}'");
        return upstream.Outputs.TryGetValue(source.Output, out var value)
            ? value
            : throw new ArgoFlowException(
                ExitCode.Failed,
                $"{where}: input {port} reads {source}, but step '{source.Step}' returned no {source.Output}");
    }
}
