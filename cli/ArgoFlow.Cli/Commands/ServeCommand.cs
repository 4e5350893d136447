using System.CommandLine;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow serve`: host any subset of the warm services until SIGTERM. Flags override ARGOFLOW_* variables,
/// which override the "serve" section of appsettings.json; S3 credentials only come from the latter two.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var options = new ServeOptions();
        var command = new Command("serve", """
            Run the warm gRPC services (resize, detect, filter) with health, metrics and JSON routes.

            Examples:
              argoflow serve --store ./data
              argoflow serve --services resize,filter --grpc-port 9090 --http-port -1
              argoflow serve --store s3://images --model /models/FastestDet.onnx
            """);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            ArgoFlow.Services.Imaging.NativeRuntime.EnsureOpenCv();
            var (hostOptions, problems) = ServeConfiguration.Load(parse.GetValue(options.Config), options.Read(parse), Environment.GetEnvironmentVariable);
            if (problems.Count > 0)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput,
                    $"invalid serve configuration ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", problems),
                    "see `argoflow serve --help` and docs/services.md for flags, ARGOFLOW_* variables and appsettings.json keys");
            }

            // The fused PipelineService rides along on every serve (runner's registration): it calls the step
            // services this process hosts over loopback and the spec's endpoints for the others.
            var localTargets = new LocalServiceTargets(hostOptions.Services);
            RunningWarmHost? started = null;
            await using var host = await WarmHost.StartAsync(
                hostOptions,
                services =>
                {
                    // With TLS on, the loopback calls go over https and trust exactly this process's certificate.
                    // Resolved at the first pipeline call, after the host (and its certificate) exists.
                    services.AddSingleton(sp => new StepClient(
                        new StepClientOptions { PinnedCertificate = started?.Certificate },
                        sp.GetService<Microsoft.Extensions.Logging.ILogger<StepClient>>()));
                    services.AddPipelineService(new PipelineServiceOptions { LocalTarget = localTargets.For });
                },
                endpoints => endpoints.MapPipelineService(),
                cancellationToken);
            started = host;
            localTargets.Address = host.Certificate is null ? host.GrpcAddress : host.GrpcUri.GetLeftPart(UriPartial.Authority);
            var stderr = parse.InvocationConfiguration.Error;
            await stderr.WriteLineAsync($"serving {string.Join(",", hostOptions.Services)}: gRPC {host.GrpcAddress}, HTTP {host.HttpBaseUrl}");
            var shutdown = host.WaitForShutdownAsync(cancellationToken);
            var serving = host.WaitUntilServingAsync(cancellationToken);
            if (await Task.WhenAny(serving, shutdown) == serving)
            {
                try
                {
                    await serving;
                }
                catch (InvalidOperationException ex)
                {
                    throw new ArgoFlowException(ExitCode.InvalidInput, ex.Message, "check --model and the model file");
                }

                await stderr.WriteLineAsync("SERVING");
                await shutdown;
            }

            await stderr.WriteLineAsync("stopping: finishing in-flight calls");
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
