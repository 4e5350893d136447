namespace ArgoFlow.Templates.Spec;

/// <summary>Where a step input comes from. Written in the spec as <c>steps.NAME.OUTPUT</c>, <c>params.NAME</c> or a literal URI.</summary>
public abstract record ValueSource;

/// <summary>An output of an earlier step, read from its result JSON (field named by the catalogue).</summary>
public sealed record StepOutputRef(string Step, string Output) : ValueSource
{
    public override string ToString() => $"steps.{Step}.{Output}";
}

/// <summary>A workflow parameter, e.g. the input image URI.</summary>
public sealed record ParameterRef(string Name) : ValueSource
{
    public override string ToString() => $"params.{Name}";
}

/// <summary>A fixed value (a URI or key).</summary>
public sealed record LiteralValue(string Value) : ValueSource
{
    public override string ToString() => Value;
}
