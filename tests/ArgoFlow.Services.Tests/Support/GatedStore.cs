using ArgoFlow.Services.Storage;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// A real local store whose reads and health checks can be held at a gate, so tests can observe a host mid-call
/// or mid-warm-up without timing anything.
/// </summary>
internal sealed class GatedStore : IImageStore
{
    private readonly LocalDirectoryStore _inner;

    public GatedStore(string root, bool holdReads = false, bool holdChecks = false)
    {
        _inner = new LocalDirectoryStore(root);
        if (!holdReads)
        {
            ReadGate.TrySetResult();
        }

        if (!holdChecks)
        {
            CheckGate.TrySetResult();
        }
    }

    public TaskCompletionSource ReadGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource CheckGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first read reached the gate.</summary>
    public TaskCompletionSource ReadEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => "gated " + _inner.Description;

    public ObjectRef Resolve(string reference, string field) => _inner.Resolve(reference, field);

    public string ToUri(ObjectRef obj) => _inner.ToUri(obj);

    public async Task<PooledBuffer> ReadAsync(ObjectRef obj, long maxBytes, CancellationToken cancellationToken)
    {
        ReadEntered.TrySetResult();
        await ReadGate.Task.WaitAsync(cancellationToken);
        return await _inner.ReadAsync(obj, maxBytes, cancellationToken);
    }

    public Task WriteAsync(ObjectRef obj, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken) =>
        _inner.WriteAsync(obj, data, contentType, cancellationToken);

    public bool IsSameObject(ObjectRef input, ObjectRef output) => _inner.IsSameObject(input, output);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await CheckGate.Task.WaitAsync(cancellationToken);
        await _inner.CheckAsync(cancellationToken);
    }
}
