using System.CommandLine;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow get NAME`: a workflow's steps with status and client-observed durations and their outputs.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The workflow's name." };
        var output = new Option<string?>("--output", "-o") { Description = "Output: json, yaml or wide (default: summary, steps and results)." };
        var cluster = new ClusterOptions();
        var command = new Command("get", """
            Show a workflow: phase, each step's status and observed duration, and the step outputs (e.g. detections).

            Examples:
              argoflow get classic-x7k2p -n argo
              argoflow get classic-x7k2p -o wide
              argoflow get classic-x7k2p -o json --context kind-argo --request-timeout 10s
            """)
        {
            name,
            output,
        };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(output);
            SubmitOutput.Check(format);
            using var connection = KubeConnection.Open(cluster.Read(parse));
            var client = new ArgoClient(new KubeApiClient(connection));
            var snapshot = await client.GetWorkflowAsync(parse.GetValue(name)!, cancellationToken);
            var observed = await ObservationStore.Default().LoadAsync(connection.Namespace, snapshot.Name, cancellationToken);
            await SubmitOutput.WriteAsync(parse.InvocationConfiguration.Output, snapshot, format, observed);
            return 0;
        });
        return command;
    }
}
