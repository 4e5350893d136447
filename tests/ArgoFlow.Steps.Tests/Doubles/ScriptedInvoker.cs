using System.Collections.Concurrent;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>An <see cref="IStepInvoker"/> whose calls finish when the test completes them, recording each request.</summary>
public sealed class ScriptedInvoker : IStepInvoker
{
    private readonly ConcurrentQueue<TaskCompletionSource<StepCallResult>> waiting = new();

    public ConcurrentQueue<StepCall> Calls { get; } = new();

    public Task<StepCallResult> InvokeAsync(StepCall call, CancellationToken cancellationToken)
    {
        Calls.Enqueue(call);
        var finish = new TaskCompletionSource<StepCallResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.Enqueue(finish);
        return finish.Task;
    }

    /// <summary>The oldest call not yet finished; fails the test when no call is waiting.</summary>
    public TaskCompletionSource<StepCallResult> Next() =>
        waiting.TryDequeue(out var next) ? next : throw new InvalidOperationException("no step call is waiting");
}
