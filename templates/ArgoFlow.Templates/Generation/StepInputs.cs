using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// A step's inputs travel as template input parameters named after the request field they fill (<c>input</c>,
/// <c>regionsUri</c>): the DAG task passes the value (<c>tasks.*</c> tags only resolve in the DAG), and steps that
/// differ only in where their image comes from can share one template.
/// </summary>
internal static class StepInputs
{
    public static Inputs? Declare(PipelineStep step)
    {
        var parameters = step.Type.Inputs
            .Where(p => step.Inputs.ContainsKey(p.Name))
            .Select(p => new Parameter(p.Field))
            .ToList();
        return parameters.Count == 0 ? null : new Inputs(parameters);
    }

    public static Arguments? Pass(PipelineSpec spec, PipelineStep step)
    {
        var parameters = step.Type.Inputs
            .Where(p => step.Inputs.ContainsKey(p.Name))
            .Select(p => new Parameter(p.Field, Value(spec, step.Inputs[p.Name])))
            .ToList();
        return parameters.Count == 0 ? null : new Arguments(parameters);
    }

    private static string Value(PipelineSpec spec, ValueSource source) => source switch
    {
        ParameterRef p => ArgoExpressions.WorkflowParameter(p.Name),
        StepOutputRef o => ArgoExpressions.TaskResultField(
            o.Step, spec.FindStep(o.Step)!.Type.FindOutput(o.Output)!.Field),
        LiteralValue l => l.Value,
        _ => throw new InvalidOperationException($"unexpected input source {source}"),
    };
}
