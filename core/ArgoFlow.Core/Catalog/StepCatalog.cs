namespace ArgoFlow.Core.Catalog;

/// <summary>
/// Every step type ArgoFlow knows. The generator, the spec validator, the step client and the services read
/// parameter names, ranges and defaults from here; a test holds these names equal to the proto fields.
/// </summary>
public static class StepCatalog
{
    public static StepType Resize { get; } = ResizeStep.Create();

    public static StepType Detect { get; } = DetectStep.Create();

    public static StepType Filter { get; } = FilterStep.Create();

    /// <summary>All step types, in a fixed order.</summary>
    public static IReadOnlyList<StepType> All { get; } = [Resize, Detect, Filter];

    /// <summary>Filter operations that work on regions (given, or read from a detections JSON).</summary>
    public static IReadOnlyList<string> RegionOperations => FilterStep.RegionOperations;

    public static StepType? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>The parameters every step type shares: where the result goes and how it is encoded.</summary>
    internal static ParameterSpec Output(string description) =>
        new("output", ParameterKind.Text, description);

    internal static ParameterSpec Format() =>
        new("format", ParameterKind.Choice, "Encoding of the written image.", "jpeg", Values: ["jpeg", "png", "webp"]);

    internal static ParameterSpec Quality() =>
        new("quality", ParameterKind.Whole, "Quality for jpeg and webp.", 90, 1, 100);
}
