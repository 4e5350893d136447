namespace ArgoFlow.Core.Catalog;

/// <summary>
/// One parameter of a step type. <see cref="Name"/> is the proto field's JSON name, so the same word is used in
/// the pipeline spec (<c>with:</c>), in the HTTP/JSON body and in the gRPC request.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    ParameterKind Kind,
    string Description,
    object? Default = null,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Values = null)
{
    /// <summary>The allowed values of a <see cref="ParameterKind.Choice"/>; empty for other kinds.</summary>
    public IReadOnlyList<string> Choices => Values ?? [];

    /// <summary>"integer 1..16384", "one of fit, fill, stretch" - what the validator says is expected.</summary>
    public string Expected => Kind switch
    {
        ParameterKind.Whole => "an integer" + Range(),
        ParameterKind.Number => "a number" + Range(),
        ParameterKind.Choice => "one of " + string.Join(", ", Choices),
        ParameterKind.Boolean => "true or false",
        ParameterKind.TextList => "a list of strings",
        ParameterKind.BoxList => "a list of boxes {x1, y1, x2, y2}",
        _ => "a string",
    };

    private string Range() => (Min, Max) switch
    {
        ({ } lo, { } hi) => FormattableString.Invariant($" in {lo}..{hi}"),
        ({ } lo, null) => FormattableString.Invariant($" >= {lo}"),
        (null, { } hi) => FormattableString.Invariant($" <= {hi}"),
        _ => string.Empty,
    };
}
