using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;
using Google.Protobuf;

namespace ArgoFlow.Steps.Runner;

/// <summary>
/// Resolves a step's inputs and parameter references for one run and builds its request through the catalogue.
/// Requests carry exactly the spec's values: the spec reader already turned on <c>writeDetections</c>/<c>annotate</c>
/// where a later step reads those outputs (the rule lives there once, for the generator and the runner alike).
/// </summary>
internal static class StepInputs
{
    public static IMessage BuildRequest(
        PipelineStep step,
        IReadOnlyList<StepRunResult> dependencies,
        IReadOnlyDictionary<string, string> parameters)
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
