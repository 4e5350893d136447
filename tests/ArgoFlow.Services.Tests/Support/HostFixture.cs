namespace ArgoFlow.Services.Tests.Support;

/// <summary>One warm host (all three services, local store, shared model) shared by a test class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private TestHost? _host;

    internal TestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
