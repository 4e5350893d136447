using System.CommandLine;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow health`: a grpc_health_probe equivalent for readiness/liveness probes. Prints the status on stdout;
/// exits 0 only for SERVING, 4 for anything else (NOT_SERVING, unknown service, unreachable).
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "host:port of the gRPC endpoint.", DefaultValueFactory = _ => $"127.0.0.1:{ServicePorts.Grpc}" };
        var service = new Option<string>("--service")
        {
            Description = "Service to check: resize, detect, filter or a full gRPC name (default: the whole host).",
            DefaultValueFactory = _ => string.Empty,
        };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the answer.", DefaultValueFactory = _ => 5 };
        var command = new Command("health", """
            Check a warm service's grpc.health.v1 status; exit 0 only when SERVING (a readiness probe).

            Examples:
              argoflow health
              argoflow health --target argoflow-detect.argo.svc:9090 --service detect --timeout 2
            """);
        command.Options.Add(target);
        command.Options.Add(service);
        command.Options.Add(timeout);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(target)!;
            var name = parse.GetValue(service)!;
            var grpcName = StepCatalog.Find(name)?.GrpcService ?? name;
            if (!Uri.TryCreate("http://" + address, UriKind.Absolute, out var uri) || uri.Port <= 0 || uri.AbsolutePath != "/" ||
                !address.EndsWith(":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                throw new ArgoFlowException(ExitCode.Usage, $"--target '{address}' is not host:port");
            }

            using var channel = GrpcChannel.ForAddress(uri);
            HealthCheckResponse reply;
            try
            {
                reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = grpcName },
                    deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(parse.GetValue(timeout)), cancellationToken: cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                throw new ArgoFlowException(ExitCode.Unavailable, $"{address} does not host '{grpcName}'", "hosted services: see `argoflow serve --services`");
            }
            catch (RpcException ex)
            {
                throw new ArgoFlowException(ExitCode.Unavailable, $"{address} did not answer the health check: {ex.Status.StatusCode} {ex.Status.Detail}");
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(reply.Status.ToString().ToUpperInvariant() switch
            {
                "SERVING" => "SERVING",
                "NOTSERVING" => "NOT_SERVING",
                var other => other,
            });
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? (int)ExitCode.Ok : (int)ExitCode.Unavailable;
        });
        return command;
    }
}
