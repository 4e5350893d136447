using System.CommandLine;
using ArgoFlow.Cluster.Controller;
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
        var controllerNamespace = new Option<string>("--controller-namespace")
        {
            Description = "Namespace of the workflow-controller whose disableAgentPodCreation tells whether http/plugin steps ran in the external agent (default argo).",
            DefaultValueFactory = _ => "argo",
        };
        var cluster = new ClusterOptions();
        var command = new Command("get", """
            Show a workflow: phase, each step's status and observed duration, the step outputs (e.g. detections), and
            whether its http and plugin steps ran in Argo's agent pod or the external agent (argoflow agent).

            Examples:
              argoflow get classic-x7k2p -n argo
              argoflow get classic-x7k2p -o wide
              argoflow get classic-x7k2p -o json --context kind-argo --request-timeout 10s
              argoflow get classic-x7k2p -o json | jq .argoflow.agent.mode     # external, agent-pod, none or unknown
              argoflow get classic-x7k2p --controller-namespace argo-system
            """)
        {
            name,
            output,
            controllerNamespace,
        };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(output);
            SubmitOutput.Check(format);
            using var connection = KubeConnection.Open(cluster.Read(parse));
            var api = new KubeApiClient(connection);
            var snapshot = await new ArgoClient(api).GetWorkflowAsync(parse.GetValue(name)!, cancellationToken);
            var observed = await ObservationStore.Default().LoadAsync(connection.Namespace, snapshot.Name, cancellationToken);
            var agent = format == "name" ? null
                : await AgentRouteReader.ReadAsync(api, snapshot.Workflow, parse.GetValue(controllerNamespace)!, cancellationToken);
            await SubmitOutput.WriteAsync(parse.InvocationConfiguration.Output, snapshot, format, observed, agent);
            return 0;
        });
        return command;
    }
}
