using ArgoFlow.Agent.Http;
using ArgoFlow.Agent.Plugins;
using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Dispatch;

/// <summary>
/// Argo's <c>processTask</c>: an http template goes to <see cref="HttpTaskRunner"/>, a plugin template to
/// <see cref="PluginTaskRunner"/>; an error while running fails the node with the error's text, and a template
/// of any other type is an Error node.
/// </summary>
internal sealed class TaskExecutor
{
    private readonly HttpTaskRunner _http;
    private readonly PluginTaskRunner _plugins;

    public TaskExecutor(HttpTaskRunner http, PluginTaskRunner plugins)
    {
        _http = http;
        _plugins = plugins;
    }

    public async Task<TaskOutcome> ExecuteAsync(TaskContext context, TaskSetTask task, CancellationToken cancellationToken)
    {
        try
        {
            if (task.Http is { } http)
            {
                return await _http.RunAsync(context, http, cancellationToken).ConfigureAwait(false);
            }

            if (task.PluginName is not null)
            {
                return await _plugins.RunAsync(context, task, cancellationToken).ConfigureAwait(false);
            }

            return TaskOutcome.Error($"error processing task: agent cannot execute: unknown task type: {task.Type}");
        }
        catch (TaskFailedException ex)
        {
            return TaskOutcome.Failed(ex.Message);
        }
    }
}
