using System.Globalization;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>Identical bytes on every run and in every culture.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [MemberData(nameof(SampleOutput.AllLabels), MemberType = typeof(SampleOutput))]
    public void Output_is_identical_under_turkish_culture(string label)
    {
        var invariant = Run(CultureInfo.InvariantCulture, label);
        var turkish = Run(new CultureInfo("tr-TR"), label);
        var german = Run(new CultureInfo("de-DE"), label);

        Assert.Equal(invariant, turkish);
        Assert.Equal(invariant, german);
    }

    [Fact]
    public void Repeated_runs_produce_the_same_bytes()
    {
        var first = SampleOutput.Generate("http");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, SampleOutput.Generate("http"));
        }
    }

    [Fact]
    public void Decimal_parameters_keep_a_point_in_every_culture()
    {
        var spec = PipelineSpecReader.Read(Spec.SpecText.With("""
              - name: d
                type: detect
                with: {scoreThreshold: 0.25, iouThreshold: 0.5}
            """), "spec.yaml");

        var body = Run(new CultureInfo("tr-TR"), () => PipelineGenerator.Generate([spec], new GeneratorOptions()));

        Assert.Contains("\"scoreThreshold\":0.25,\"iouThreshold\":0.5", body.Single(f => f.Path == "test/workflowtemplate.yaml").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_ends_in_exactly_one_newline_and_has_no_carriage_returns()
    {
        foreach (var label in SampleOutput.Labels)
        {
            foreach (var file in SampleOutput.Generate(label))
            {
                Assert.EndsWith("\n", file.Content, StringComparison.Ordinal);
                Assert.False(file.Content.EndsWith("\n\n", StringComparison.Ordinal), file.Path);
                Assert.DoesNotContain("\r", file.Content, StringComparison.Ordinal);
                Assert.StartsWith(OutputDirectory.Marker, file.Content, StringComparison.Ordinal);
            }
        }
    }

    private static IReadOnlyList<GeneratedFile> Run(CultureInfo culture, string label) => Run(culture, () => SampleOutput.Generate(label));

    private static T Run<T>(CultureInfo culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
