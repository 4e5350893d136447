using System.Diagnostics;
using System.Globalization;
using ArgoFlow.Templates.Generation;
using ArgoFlow.Templates.Spec;

// Usage: dotnet run -c Release --project templates/ArgoFlow.Templates.Benchmarks -- SPEC [ITERATIONS]
// Times reading + validating SPEC and generating every mode, in this process: the first (cold) call, then the
// median and p95 of ITERATIONS warm calls (wall time) and the process CPU time per warm call. Results go to stdout as a Markdown table.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ArgoFlow.Templates.Benchmarks SPEC [ITERATIONS]");
    return 2;
}

var path = args[0];
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var text = File.ReadAllText(path);
GeneratorOptions[] modes =
[
    new(GenerationMode.Http), new(GenerationMode.Plugin), new(GenerationMode.Container),
    new(GenerationMode.Http, Fused: true),
];

Console.WriteLine(FormattableString.Invariant($"| {Path.GetFileName(path)} | cold (ms) | median (ms) | p95 (ms) | CPU per call (ms) | output chars |"));
Console.WriteLine("|---|---|---|---|---|---|");
Measure("read + validate", () => PipelineSpecReader.Read(text, path).Steps.Count);
var spec = PipelineSpecReader.Read(text, path);
foreach (var options in modes)
{
    Measure("generate " + options.Label, () => PipelineGenerator.Generate([spec], options).Sum(f => f.Content.Length));
}

Measure("read + generate http", () => PipelineGenerator.Generate([PipelineSpecReader.Read(text, path)], new GeneratorOptions()).Sum(f => f.Content.Length));
return 0;

void Measure(string name, Func<int> work)
{
    var cold = Stopwatch.StartNew();
    var size = work();
    cold.Stop();
    var samples = new double[iterations];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        samples[i] = watch.Elapsed.TotalMilliseconds;
    }

    // CPU time (all threads, GC included) is steadier than wall time on a shared, loaded machine.
    var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
    Array.Sort(samples);
    var median = samples[iterations / 2];
    var p95 = samples[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)];
    Console.WriteLine(FormattableString.Invariant($"| {name} | {cold.Elapsed.TotalMilliseconds:F1} | {median:F2} | {p95:F2} | {cpuPerCall:F2} | {size} |"));
}
