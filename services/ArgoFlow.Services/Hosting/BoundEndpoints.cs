using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ArgoFlow.Services.Hosting;

/// <summary>The Kestrel listen options of the two endpoints; Kestrel fills in the real port after binding port 0.</summary>
internal sealed class BoundEndpoints
{
    public ListenOptions? Grpc { get; set; }

    public ListenOptions? Http { get; set; }
}
