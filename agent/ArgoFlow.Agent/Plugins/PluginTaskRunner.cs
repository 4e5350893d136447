using System.Text.Json.Nodes;
using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Plugins;

/// <summary>
/// Runs a plugin template as Argo's <c>executePluginTemplate</c>: asks each plugin in order (the built-in argoflow
/// plugin first, then the --plugin ones) with <c>{"workflow": {"metadata": {name, namespace, uid}}, "template": ...}</c>;
/// the first that answers a node decides. Its node is the result, and unless it Succeeded its requeue asks for
/// the task to run again. No plugin taking the template fails the node with Argo's <c>no plugin executed the template</c>.
/// </summary>
internal sealed class PluginTaskRunner
{
    public const string NoPlugin = "no plugin executed the template";
    private readonly IReadOnlyList<PluginRpcClient> _plugins;

    public PluginTaskRunner(IReadOnlyList<PluginRpcClient> plugins)
    {
        _plugins = plugins;
    }

    public async Task<TaskOutcome> RunAsync(TaskContext context, TaskSetTask task, CancellationToken cancellationToken)
    {
        var args = new JsonObject
        {
            ["workflow"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = context.WorkflowName, ["namespace"] = context.Namespace, ["uid"] = context.WorkflowUid },
            },
            ["template"] = task.Raw.DeepClone(),
        }.ToJsonString();
        foreach (var plugin in _plugins)
        {
            var reply = await plugin.ExecuteAsync(args, cancellationToken).ConfigureAwait(false);
            if (reply.Node is { } node)
            {
                return new TaskOutcome(node, node.Phase == WorkflowPhase.Succeeded ? TimeSpan.Zero : reply.Requeue);
            }
        }

        throw new TaskFailedException(NoPlugin);
    }
}
