using ArgoFlow.Services.Storage;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>A store whose reads never finish until the call is cancelled: the slowest possible storage or step.</summary>
internal sealed class HangingStore(IImageStore inner) : IImageStore
{
    public string Description => "hanging " + inner.Description;

    public ObjectRef Resolve(string reference, string field) => inner.Resolve(reference, field);

    public string ToUri(ObjectRef obj) => inner.ToUri(obj);

    public async Task<PooledBuffer> ReadAsync(ObjectRef obj, long maxBytes, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public Task WriteAsync(ObjectRef obj, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken) =>
        inner.WriteAsync(obj, data, contentType, cancellationToken);

    public bool IsSameObject(ObjectRef input, ObjectRef output) => inner.IsSameObject(input, output);

    public Task CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);
}
