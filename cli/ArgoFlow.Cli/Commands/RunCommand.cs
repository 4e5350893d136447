using System.CommandLine;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow run -f SPEC --input PATH|URI|DIR`: runs a pipeline with no cluster, against services started inside
/// this process (the default) or running elsewhere (--services HOST:PORT), through the same gRPC client and
/// protocol as a cluster. Summary on stderr; `--output json` on stdout.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var command = new Command("run", """
            Run a pipeline locally against warm services (started in this process by default). The summary, the
            detections per class and the files written go to stderr; -o json puts every result on stdout. Detect
            steps write their detections JSON beside the outputs (--no-detections-json to skip it).

            Examples:
              argoflow run -f samples/pipelines/privacy.yaml --input ../shared/images/0.jpg --output-dir out
              argoflow run -f samples/pipelines/classic.yaml --input photos/ --parallel 2 -o json > results.json
              argoflow run -f samples/pipelines/privacy.yaml --input in.jpg -p padding=16
              argoflow run -f samples/pipelines/classic.yaml --input photos/ --repeat 3 --no-detections-json
              argoflow run -f pipeline.yaml --input s3://uploads/in.jpg --services 10.0.0.5:9090
            """);
        o.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = o.Read(parse);
            var stderr = parse.InvocationConfiguration.Error;
            if (settings.IsEmbedded)
            {
                // A machine without OpenCV's system libraries hears which one and the install line, before any work.
                Services.Imaging.NativeRuntime.EnsureOpenCv();
                // OpenCV's native library loads while the spec is read; the embedded services need it first.
                _ = WarmHost.PreloadNativeLibrariesAsync();
            }

            var spec = RunDetectionsJson.Apply(PipelineSpecReader.ReadFile(settings.SpecPath), settings.DetectionsJson);
            var inputs = RunInputs.Resolve(settings.Input, spec);
            // Every parameter value is checked against the steps it feeds before a service starts or a step runs.
            PipelineParameters.Resolve(spec, Parameters(settings, settings.Input));
            var parallel = settings.Parallel ?? (inputs.IsDirectory ? Environment.ProcessorCount : 1);
            using var client = new StepClient();
            await using var services = await RunServices.StartAsync(settings, spec, parallel, stderr, parse.GetValue(CliApp.Verbose), client, cancellationToken);
            var runs = inputs.Stage(services.StoreRoot)
                .SelectMany(input => Enumerable.Repeat(input, settings.Repeat))
                .Select(input => Parameters(settings, input))
                .ToList();
            var runner = new PipelineRunner(client);
            var options = new PipelineRunOptions { TargetFor = _ => services.Target };
            var results = await RunProgress.RunAsync(
                stderr, runs.Count, (finished, ct) => PipelineBatch.RunAsync(runner, spec, runs, parallel, options, finished, ct), cancellationToken);
            // Close the client's connections before the services stop, so they have no open connection to wait for.
            client.Dispose();
            var report = new RunReport(spec, results, services.Description, services.StoreRoot);
            if (settings.Json)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(RunJson.Write(report));
            }

            RunSummary.Write(stderr, report, settings.Json);
            return (int)report.ExitCode;
        });
        return command;
    }

    private static Dictionary<string, string> Parameters(RunSettings settings, string? input)
    {
        var values = new Dictionary<string, string>(settings.Parameters, StringComparer.Ordinal);
        if (input is not null)
        {
            values[RunInputs.ParameterName] = input;
        }

        return values;
    }
}
