using System.Security.Cryptography;
using System.Text;
using ArgoFlow.Steps.Plugin;
using Microsoft.AspNetCore.WebUtilities;

namespace ArgoFlow.Agent.Plugins;

/// <summary>
/// The argoflow plugin in process: the sidecar's own <see cref="ExecutorPluginHandler"/> (the same validation,
/// step client call, outputs and Running/requeue) without the HTTP hop. A random per-process token keeps the
/// handler's bearer check meaningful.
/// </summary>
internal sealed class NativePluginTransport : IPluginTransport
{
    private readonly ExecutorPluginHandler _handler;
    private readonly string _authorization;

    public NativePluginTransport(Func<PluginTokenVerifier, ExecutorPluginHandler> create)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _authorization = "Bearer " + token;
        _handler = create(PluginTokenVerifier.ForToken(token));
    }

    public string Name => PluginTemplate.PluginName;

    public async Task<(int Status, string Reason, string Body)> PostAsync(string body, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body), writable: false);
        var reply = await _handler.ExecuteAsync(_authorization, stream, cancellationToken).ConfigureAwait(false);
        return (reply.StatusCode, ReasonPhrases.GetReasonPhrase(reply.StatusCode), reply.Body);
    }
}
