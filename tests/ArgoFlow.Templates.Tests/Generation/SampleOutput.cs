using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>Generates the committed samples the way the README's command does, with repository-relative names.</summary>
internal static class SampleOutput
{
    public static IReadOnlyList<string> Labels { get; } =
        ["http", "plugin", "container", "fused-http", "fused-plugin", "http-agent", "plugin-agent", "fused-http-agent", "http-agent-all"];

    public static GeneratorOptions Options(string label) => label switch
    {
        "http" => new GeneratorOptions(GenerationMode.Http),
        "plugin" => new GeneratorOptions(GenerationMode.Plugin),
        "container" => new GeneratorOptions(GenerationMode.Container),
        "fused-http" => new GeneratorOptions(GenerationMode.Http, Fused: true),
        "fused-plugin" => new GeneratorOptions(GenerationMode.Plugin, Fused: true),
        "http-agent" => new GeneratorOptions(GenerationMode.Http, Agent: true),
        "plugin-agent" => new GeneratorOptions(GenerationMode.Plugin, Agent: true),
        "fused-http-agent" => new GeneratorOptions(GenerationMode.Http, Fused: true, Agent: true),
        "http-agent-all" => new GeneratorOptions(GenerationMode.Http, Agent: true, AgentNamespaces: AgentScope.AllNamespaces),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    public static IReadOnlyList<PipelineSpec> Specs() => Samples.Names
        .Select(name => PipelineSpecReader.Read(File.ReadAllText(Samples.PathOf(name)), $"samples/pipelines/{name}.yaml"))
        .ToList();

    public static IReadOnlyList<GeneratedFile> Generate(string label) => PipelineGenerator.Generate(Specs(), Options(label));

    public static string GoldenDir(string label) => Path.Combine(SharedData.RepoRoot, "samples", "generated", label);

    public static TheoryData<string> AllLabels()
    {
        var data = new TheoryData<string>();
        foreach (var label in Labels)
        {
            data.Add(label);
        }

        return data;
    }
}
