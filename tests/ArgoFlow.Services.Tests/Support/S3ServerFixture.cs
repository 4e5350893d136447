using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>One s3rver (bucket "images") shared by a test class.</summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    private S3Server? _server;

    public S3Server Server => _server ?? throw new InvalidOperationException("s3rver not started");

    public async Task InitializeAsync() => _server = await S3Server.StartAsync("images");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
