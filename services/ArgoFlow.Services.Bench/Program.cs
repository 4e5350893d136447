using System.Globalization;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Bench;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Services.Storage;
using Grpc.Net.Client;

// Usage: ArgoFlow.Services.Bench [--iterations N] [--warmup N] [--shared DIR (default ARGOFLOW_SHARED or ../shared)]
// Starts a warm host on loopback (local directory store), then times each call; results as a markdown table.
var iterations = Arg("--iterations", 40);
var warmup = Arg("--warmup", 5);
var shared = ArgText("--shared") ?? Environment.GetEnvironmentVariable("ARGOFLOW_SHARED") ?? DefaultShared();
var time = TimeProvider.System;

var root = Path.Combine(Path.GetTempPath(), $"argoflow-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(root);
await File.WriteAllBytesAsync(Path.Combine(root, "bench.jpg"), BenchImage.Build(Path.Combine(shared, "images")));
var modelPath = Path.Combine(shared, "models", "fastestdet", "FastestDet.onnx");
var options = new WarmHostOptions
{
    GrpcPort = 0,
    HttpPort = 0,
    Store = root,
    Models = [new ModelOptions { Path = modelPath }],
    ConfigureLogging = _ => { },
};

try
{
    await using var host = await WarmHost.StartAsync(options, null, null, CancellationToken.None);
    await host.WaitUntilServingAsync(CancellationToken.None);
    using var channel = GrpcChannel.ForAddress(host.GrpcUri);
    using var model = DetectionModel.Load(new ModelOptions { Path = modelPath }, options.IntraOpThreads);
    using var http = new HttpClient { BaseAddress = host.HttpBaseUrl };
    var workloads = new Workloads(channel, http, new LocalDirectoryStore(root), model);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"1920x1080 JPEG ({new FileInfo(Path.Combine(root, "bench.jpg")).Length} bytes), {iterations} timed calls after {warmup} warm-up calls, {Environment.ProcessorCount} cores"));
    Console.WriteLine();
    Console.WriteLine("| operation | n | p50 ms | p90 ms | p99 ms | min ms |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var p50 = new Dictionary<string, double>();
    var breakdown = new List<string>();
    // Interleave service and in-process runs per operation so both see the same machine noise.
    var groups = workloads.Service.Zip(workloads.InProcess).Select(p => new[] { p.First, p.Second })
        .Append([workloads.HttpJson]);
    foreach (var group in groups)
    {
        foreach (var (name, call) in group)
        {
            for (var i = 0; i < warmup; i++)
            {
                await call();
            }

            var samples = new List<double>(iterations);
            var stages = new List<Timing>();
            for (var i = 0; i < iterations; i++)
            {
                var start = time.GetTimestamp();
                var timing = await call();
                samples.Add(time.GetElapsedTime(start).TotalMilliseconds);
                if (timing is not null)
                {
                    stages.Add(timing);
                }
            }

            var stats = Percentiles.Of(samples);
            p50[name] = stats.P50;
            Console.WriteLine(stats.Row(name));
            if (stages.Count > 0)
            {
                breakdown.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Median(stages, t => t.DownloadMs):0.0} | {Median(stages, t => t.DecodeMs):0.0} | {Median(stages, t => t.ProcessMs):0.0} | {Median(stages, t => t.EncodeMs):0.0} | {Median(stages, t => t.UploadMs):0.0} | {Median(stages, t => t.TotalMs):0.0} |"));
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine("Server-side medians (the response's timing), ms:");
    Console.WriteLine();
    Console.WriteLine("| operation | download | decode | process | encode | upload | total |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    breakdown.ForEach(Console.WriteLine);
    Console.WriteLine();
    foreach (var (service, inProcess) in workloads.Service.Zip(workloads.InProcess))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{service.Name} / {inProcess.Name}: {p50[service.Name] / p50[inProcess.Name]:0.00}x"));
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

static double Median(List<Timing> timings, Func<Timing, double> stage) => Percentiles.Of(timings.Select(stage).ToArray()).P50;

// ../shared beside the repository (the folder holding ArgoFlow.sln above this binary).
static string DefaultShared()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgoFlow.sln")))
    {
        dir = dir.Parent;
    }

    return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared"));
}

int Arg(string name, int fallback) =>
    ArgText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
