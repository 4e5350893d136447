using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Generation;

public sealed class NameSuffixTests
{
    [Theory]
    [InlineData(GenerationMode.Http, "-http")]
    [InlineData(GenerationMode.Plugin, "-plugin")]
    [InlineData(GenerationMode.Container, "-container")]
    public void Each_mode_gets_its_own_template_name_and_folder_and_the_services_stay_shared(GenerationMode mode, string suffix)
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf("classic"));
        var plain = PipelineGenerator.Generate([spec], new GeneratorOptions(mode));

        var files = PipelineGenerator.Generate([spec], new GeneratorOptions(mode, NameSuffix: suffix));

        var template = Assert.Single(files, f => f.Path.EndsWith("/workflowtemplate.yaml", StringComparison.Ordinal));
        Assert.Equal($"classic{suffix}/workflowtemplate.yaml", template.Path);
        Assert.Contains($"\n  name: classic{suffix}\n", template.Content, StringComparison.Ordinal);
        // The service manifests do not depend on the pipeline's name: the modes share one set of services.
        Assert.Equal(
            plain.Where(f => f.Path.StartsWith("services/", StringComparison.Ordinal)).Select(f => (f.Path, f.Content)),
            files.Where(f => f.Path.StartsWith("services/", StringComparison.Ordinal)).Select(f => (f.Path, f.Content)));
    }

    [Theory]
    [InlineData("-HTTP")]
    [InlineData("_http")]
    [InlineData("-")]
    [InlineData("-a-suffix-so-long-that-the-name-no-longer-fits-in-sixty-three-characters")]
    public void A_suffix_that_breaks_the_name_is_a_usage_error_naming_the_result(string suffix)
    {
        var spec = PipelineSpecReader.ReadFile(Samples.PathOf("classic"));

        var ex = Assert.Throws<ArgoFlowException>(() => PipelineGenerator.Generate([spec], new GeneratorOptions(NameSuffix: suffix)));

        Assert.Equal(ExitCode.Usage, ex.ExitCode);
        Assert.StartsWith($"--name-suffix '{suffix}' on pipeline 'classic': ", ex.Message, StringComparison.Ordinal);
    }
}
