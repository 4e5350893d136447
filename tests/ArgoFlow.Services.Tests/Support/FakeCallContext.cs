using Grpc.Core;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>A minimal ServerCallContext for calling a service method directly, without host or interceptor.</summary>
internal sealed class FakeCallContext : ServerCallContext
{
    private readonly Metadata _headers = [];
    private readonly CancellationToken _cancellationToken;

    public FakeCallContext(string method, CancellationToken cancellationToken = default)
    {
        MethodCore = method;
        _cancellationToken = cancellationToken;
    }

    protected override string MethodCore { get; }

    protected override string HostCore => "127.0.0.1";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _headers;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
