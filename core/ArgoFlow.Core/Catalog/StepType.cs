namespace ArgoFlow.Core.Catalog;

/// <summary>
/// A kind of step ArgoFlow can run: the service that serves it, its routes, its parameters, the inputs it reads
/// from earlier steps and the outputs later steps can read from its result JSON.
/// </summary>
public sealed record StepType(
    string Name,
    string Description,
    string GrpcService,
    string GrpcMethod,
    string HttpRoute,
    IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<StepPort> Inputs,
    IReadOnlyList<StepPort> Outputs,
    Func<IReadOnlyDictionary<string, object?>, IEnumerable<ParameterProblem>> CheckCombination)
{
    /// <summary>Full gRPC method path, e.g. <c>/argoflow.v1.ResizeService/Resize</c>.</summary>
    public string GrpcPath => $"/{GrpcService}/{GrpcMethod}";

    public ParameterSpec? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public StepPort? FindInput(string name) =>
        Inputs.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public StepPort? FindOutput(string name) =>
        Outputs.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
