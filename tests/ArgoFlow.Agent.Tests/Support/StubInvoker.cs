using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Agent.Tests.Support;

/// <summary>
/// Stands in for the gRPC services behind the step client: each call waits for <see cref="Release"/> (or answers
/// at once when not held) and answers a resize response with the given output. Counts calls.
/// </summary>
internal sealed class StubInvoker : IStepInvoker
{
    private volatile TaskCompletionSource _gate = Open();
    private int _calls;

    public int Calls => _calls;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<StepCallResult> InvokeAsync(StepCall call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Started.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        var response = new ResizeResponse { Output = "s3://images/out.jpg", Width = 640, Height = 360 };
        return new StepCallResult(response, 1, 1.5);
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }
}
