using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// What a run found and wrote, for the summary and `-o json` alike: detections per class of each detect step
/// (summed over runs) and every file the steps wrote (once each: repeated runs overwrite the same keys).
/// </summary>
internal sealed class RunFindings
{
    private RunFindings(IReadOnlyList<StepDetections> detections, IReadOnlyList<WrittenFile> files)
    {
        Detections = detections;
        Files = files;
    }

    /// <summary>One entry per detect step that succeeded at least once, in the spec's order.</summary>
    public IReadOnlyList<StepDetections> Detections { get; }

    /// <summary>Outputs the steps wrote (not the values they passed through), in the order the runs made them.</summary>
    public IReadOnlyList<WrittenFile> Files { get; }

    public static RunFindings Of(RunReport report)
    {
        var detections = report.Runs.Count == 0 ? [] : report.Runs[0].Steps
            .Select(s => s.Name)
            .Select(step => (Step: step, Results: report.Runs.Select(r => r.Find(step)).OfType<StepRunResult>()
                .Select(s => s.Response).OfType<DetectResponse>().ToList()))
            .Where(x => x.Results.Count > 0)
            .Select(x => new StepDetections(x.Step, x.Results.Count, Count(x.Results.SelectMany(d => d.Detections))))
            .ToList();
        var files = report.Runs
            .SelectMany(r => r.Steps)
            .SelectMany(s => s.Outputs
                .Where(o => report.Spec.FindStep(s.Name)?.Type.FindOutput(o.Key) is not { PassThrough: true })
                .Select(o => new WrittenFile(s.Name, o.Key, RunReport.Display(o.Value))))
            .DistinctBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new RunFindings(detections, files);
    }

    /// <summary>Detections per class name, most frequent first (ties by name).</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Count(IEnumerable<Detection> detections) =>
        detections.GroupBy(d => d.ClassName, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The folders the files went to, with how many each (a URI's folder is what precedes its last '/').</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Folders() =>
        Files.GroupBy(f => Folder(f.Path), StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .ToList();

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "." : path[..slash];
    }

    /// <param name="Step">The detect step's name.</param>
    /// <param name="Runs">The runs in which it succeeded (the counts are summed over them).</param>
    /// <param name="Classes">Class name and count, most frequent first.</param>
    internal sealed record StepDetections(string Step, int Runs, IReadOnlyList<KeyValuePair<string, int>> Classes);

    /// <param name="Step">The step that wrote it.</param>
    /// <param name="Port">Its output port (image, detections, annotated).</param>
    /// <param name="Path">A local path for a file:// URI, else the URI.</param>
    internal sealed record WrittenFile(string Step, string Port, string Path);
}
