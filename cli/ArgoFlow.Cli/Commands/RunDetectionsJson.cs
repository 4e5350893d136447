using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow run` keeps what detect found: every detect step writes its detections JSON unless the spec says
/// otherwise (<c>writeDetections</c> given, or already on because a later step reads it). Done for the local run
/// only; the generator leaves the catalogue's default (off) so workflows write nothing nobody reads.
/// </summary>
internal static class RunDetectionsJson
{
    private const string Parameter = "writeDetections";

    public static PipelineSpec Apply(PipelineSpec spec, bool write)
    {
        if (!write || spec.Steps.All(s => s.Type.Name != "detect" || s.With.ContainsKey(Parameter)))
        {
            return spec;
        }

        return spec with
        {
            Steps = spec.Steps.Select(s => s.Type.Name != "detect" || s.With.ContainsKey(Parameter)
                ? s
                : s with { With = new Dictionary<string, object?>(s.With, StringComparer.Ordinal) { [Parameter] = true } }).ToList(),
        };
    }
}
