using System.Net.Sockets;
using ArgoFlow.TestSupport.Ports;

namespace ArgoFlow.Core.Tests.TestSupport;

public sealed class RefusingPortTests
{
    [Fact]
    public async Task A_connect_is_refused()
    {
        using var refusing = new RefusingPort();
        using var client = new TcpClient();

        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", refusing.Port));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Equal($"127.0.0.1:{refusing.Port}", refusing.Target);
    }
}
