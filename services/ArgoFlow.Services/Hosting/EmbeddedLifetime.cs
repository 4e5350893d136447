using Microsoft.Extensions.Hosting;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Host lifetime for an embedded host: it leaves SIGTERM and Ctrl+C to the embedding process (e.g. `argoflow run`),
/// which stops the host by disposing it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
