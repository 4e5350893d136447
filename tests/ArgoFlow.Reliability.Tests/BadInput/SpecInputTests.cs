using System.Text;
using ArgoFlow.Core.Errors;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.Templates.Spec;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Reliability.Tests.BadInput;

/// <summary>Hostile pipeline specs: each is read or refused with an ArgoFlowException; nothing else escapes, nothing hangs.</summary>
public sealed class SpecInputTests : IDisposable
{
    /// <summary>Fixed seed: a failure is reproducible from the printed input number.</summary>
    private const int Seed = 20261126;
    private const int Mutations = 3000;

    private readonly TempDirectory _dir = new("argoflow-rel-specs");

    public void Dispose() => _dir.Dispose();

    // Built on demand and passed by name, so the test names stay short.
    private static readonly Dictionary<string, Func<string>> Hostile = new(StringComparer.Ordinal)
    {
        ["alias bomb"] = () => AliasBomb(),
        ["deep flow nesting"] = () => new string('[', 100_000) + new string(']', 100_000),
        ["deep block nesting"] = () => string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i) + "a:\n")),
        ["one long line"] = () => "apiVersion: " + new string('x', 900_000),
        ["many documents"] = () => string.Concat(Enumerable.Repeat("---\na: 1\n", 50_000)),
        ["tabs"] = () => "apiVersion:\targoflow.io/v1alpha1\n\tkind: Pipeline\n",
        ["unknown tag"] = () => "apiVersion: !!python/object:os.system argoflow.io/v1alpha1\n",
        ["NUL"] = () => "apiVersion: argoflow.io/v1alpha1\0\nkind: Pipeline\n",
        ["empty"] = () => string.Empty,
        ["only a comment"] = () => "# nothing\n",
        ["scalar root"] = () => "42\n",
        ["sequence root"] = () => "- a\n- b\n",
        ["duplicate keys"] = () => "kind: Pipeline\nkind: Pipeline\n",
        ["merge key loop"] = () => "a: &a {<<: *a}\n",
        ["200 steps plus one"] = () => ManySteps(201),
        ["step depends on itself"] = () => Sample("classic").Replace("type: detect", "type: detect\n      dependsOn: [detect]", StringComparison.Ordinal),
    };

    public static TheoryData<string> Corpus() => new(Hostile.Keys);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_spec_text_is_refused_with_an_argoflow_error(string name)
    {
        var text = Hostile[name]();
        var outcome = await Task.Run(() => Outcome(text, name)).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(outcome);
        Assert.IsAssignableFrom<ArgoFlowException>(outcome);
        Assert.Equal(ExitCode.InvalidInput, ((ArgoFlowException)outcome).ExitCode);
    }

    [Fact]
    public async Task Random_mutations_of_the_samples_are_read_or_refused_never_anything_else()
    {
        var mutator = new SpecMutator(Seed);
        var samples = Directory.EnumerateFiles(Path.Combine(SharedData.RepoRoot, "samples", "pipelines"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var (accepted, refused) = (0, 0);
        // A guard against a hang, far above the few seconds the run takes.
        await Task.Run(() =>
        {
            for (var i = 0; i < Mutations; i++)
            {
                var text = mutator.Mutate(samples[i % samples.Length]);
                var outcome = Outcome(text, $"mutation-{i}.yaml");
                Assert.True(outcome is null or ArgoFlowException, $"mutation {i} (seed {Seed}) threw {outcome}\n---\n{text}");
                _ = outcome is null ? accepted++ : refused++;
            }
        }).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(Mutations, accepted + refused);
        Assert.True(refused > Mutations / 2, $"only {refused} of {Mutations} mutations were refused");
    }

    [Fact]
    public void Files_too_large_binary_or_in_the_wrong_encoding_are_refused_naming_the_file()
    {
        var cases = new Dictionary<string, byte[]>
        {
            ["50mb.yaml"] = new byte[50 * 1024 * 1024],
            ["binary.yaml"] = RandomBytes(64 * 1024),
            ["utf16.yaml"] = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample("classic"))).ToArray(),
            ["utf32.yaml"] = Encoding.UTF32.GetBytes(Sample("classic")),
            ["latin1.yaml"] = Encoding.Latin1.GetBytes(Sample("classic").Replace("The photo", "Le photo \u00e9t\u00e9", StringComparison.Ordinal)),
            ["truncated-utf8.yaml"] = Encoding.UTF8.GetBytes(Sample("classic") + "# \u00e9")[..^1],
            ["png.yaml"] = File.ReadAllBytes(SharedData.Image("0.jpg")),
        };
        foreach (var (name, bytes) in cases)
        {
            var path = _dir.Combine(name);
            File.WriteAllBytes(path, bytes);
            var error = Assert.ThrowsAny<ArgoFlowException>(() => PipelineSpecReader.ReadFile(path));
            Assert.Equal(ExitCode.InvalidInput, error.ExitCode);
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_cli_process_refuses_a_hostile_spec_with_exit_3_and_no_stack_trace()
    {
        var bomb = _dir.Combine("bomb.yaml");
        await File.WriteAllTextAsync(bomb, AliasBomb());
        var big = _dir.Combine("big.yaml");
        await File.WriteAllBytesAsync(big, new byte[50 * 1024 * 1024]);
        foreach (var file in new[] { bomb, big })
        {
            await using var lint = ChildProcess.Start(["lint", file]);
            var exit = await lint.WaitForExitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(3, exit);
            Assert.StartsWith("error:", lint.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", lint.Stderr, StringComparison.Ordinal);
        }
    }

    private static Exception? Outcome(string text, string name)
    {
        try
        {
            PipelineSpecReader.Read(text, name);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(SharedData.RepoRoot, "samples", "pipelines", name + ".yaml"));

    private static string AliasBomb()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string ManySteps(int count) =>
        "apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nmetadata: {name: many}\nspec:\n  parameters: [{name: input, value: a.jpg}]\n  steps:\n" +
        string.Concat(Enumerable.Range(0, count).Select(i => $"    - {{name: s{i}, type: resize, with: {{width: 10}}}}\n"));

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(Seed).NextBytes(bytes);
        return bytes;
    }
}
