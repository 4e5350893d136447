using System.CommandLine;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow apply -f DIR|FILE [--all]`: create or update the generated objects, idempotently.</summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file", "-f", "--filename")
        {
            Description = "A YAML file, or a folder whose *.yaml/*.yml files (recursively) are applied (--filename, kubectl's spelling, works too).",
            Required = true,
        };
        var all = new Option<bool>("--all")
        {
            Description = "Also apply the service manifests (Deployments, Services, ConfigMaps, RBAC), not only the WorkflowTemplates.",
        };
        var cluster = new ClusterOptions();
        var command = new Command("apply", """
            Create or update generated WorkflowTemplates (and with --all the service manifests) on the cluster;
            applying twice changes nothing. Objects without metadata.namespace go to -n, else the context's namespace.

            Examples:
              argoflow generate -f pipeline.yaml --output-dir deploy/ && argoflow apply -f deploy/
              argoflow apply -f deploy/ --all -n argo          # also the services' Deployments, Services and RBAC
              argoflow apply -f deploy/classic/workflowtemplate.yaml --context kind-argo
            """)
        {
            file,
            all,
        };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var documents = await ManifestReader.ReadPathAsync(parse.GetValue(file)!, cancellationToken);
            using var connection = KubeConnection.Open(cluster.Read(parse));
            var (objects, skipped) = ApplyPlan.Build(documents, connection.Namespace, cluster.NamespaceGiven(parse), parse.GetValue(all));
            var applier = new Applier(new KubeApiClient(connection));
            var counts = new Dictionary<ApplyAction, int>();
            foreach (var planned in objects)
            {
                var outcome = await applier.ApplyAsync(planned, cancellationToken);
                counts[outcome.Action] = counts.GetValueOrDefault(outcome.Action) + 1;
                await output.WriteLineAsync(outcome.ToString());
            }

            // Each object's own metadata.namespace wins over the context's: name the namespaces they really went to.
            var namespaces = objects.Select(o => o.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var where = namespaces.Count switch
            {
                0 => "cluster-scoped",
                1 => $"in namespace {namespaces[0]}",
                _ => $"in namespaces {string.Join(", ", namespaces)}",
            };
            var summary = $"{objects.Count} object(s) {where}: {counts.GetValueOrDefault(ApplyAction.Created)} created, " +
                          $"{counts.GetValueOrDefault(ApplyAction.Updated)} updated, {counts.GetValueOrDefault(ApplyAction.Unchanged)} unchanged";
            if (skipped > 0)
            {
                summary += $"; skipped {skipped} service manifest(s) (add --all to apply them)";
            }

            await error.WriteLineAsync(summary);
            return 0;
        });
        return command;
    }
}
