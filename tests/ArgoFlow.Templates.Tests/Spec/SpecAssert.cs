using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Tests.Spec;

/// <summary>Reads a spec that must fail and returns its diagnostics, or checks one of them exactly.</summary>
internal static class SpecAssert
{
    public const string Source = "spec.yaml";

    public static IReadOnlyList<Diagnostic> Problems(string yaml)
    {
        var ex = Assert.Throws<ValidationException>(() => PipelineSpecReader.Read(yaml, Source));
        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        return ex.Diagnostics;
    }

    /// <summary>Exactly one problem, at <paramref name="line"/>:<paramref name="column"/>, with that path and a message containing <paramref name="message"/>.</summary>
    public static Diagnostic Single(string yaml, int line, int column, string path, string message)
    {
        var problems = Problems(yaml);
        var problem = Assert.Single(problems);
        Assert.Equal(new SourceLocation(Source, line, column), problem.Location);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        return problem;
    }
}
