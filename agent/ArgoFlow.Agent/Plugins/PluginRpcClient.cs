using System.Globalization;
using System.Text.Json;
using ArgoFlow.Agent.Dispatch;

namespace ArgoFlow.Agent.Plugins;

/// <summary>
/// Argo's plugin RPC client (<c>workflow/util/plugin</c>) over a transport: 200 decodes the reply; 404 means the
/// plugin has no such method, so it is never called again and the template goes to the next plugin; 503 and an
/// unreachable plugin are retried (1 s, doubling, jitter 20 %, 5 attempts); any other status fails the task with
/// <c>"STATUS: body"</c>.
/// </summary>
internal sealed class PluginRpcClient
{
    private const int Attempts = 5;
    private readonly IPluginTransport _transport;
    private readonly TimeProvider _time;
    private readonly TimeSpan _firstBackoff;
    private volatile bool _invalid;

    public PluginRpcClient(IPluginTransport transport, TimeProvider time, TimeSpan? firstBackoff = null)
    {
        _transport = transport;
        _time = time;
        _firstBackoff = firstBackoff ?? TimeSpan.FromSeconds(1);
    }

    public string Name => _transport.Name;

    public async Task<PluginReply> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        if (_invalid)
        {
            return PluginReply.Empty;
        }

        for (var attempt = 1; ; attempt++)
        {
            string transient;
            try
            {
                var (status, reason, body) = await _transport.PostAsync(args, cancellationToken).ConfigureAwait(false);
                switch (status)
                {
                    case 200:
                        return Decode(body);
                    case 404:
                        _invalid = true;
                        return PluginReply.Empty;
                    case 503:
                        transient = body;
                        break;
                    default:
                        throw new TaskFailedException(string.Create(CultureInfo.InvariantCulture, $"{status} {reason}: {body}"));
                }
            }
            catch (HttpRequestException ex)
            {
                transient = ex.Message;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                transient = $"plugin {Name}: no answer within 30 s ({ex.Message})";
            }

            if (attempt >= Attempts)
            {
                throw new TaskFailedException(transient);
            }

            await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private PluginReply Decode(string body)
    {
        try
        {
            return PluginReply.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new TaskFailedException($"plugin {Name}: {ex.Message}", ex);
        }
    }

#pragma warning disable CA5394 // Jitter, not security.
    private TimeSpan Backoff(int attempt) =>
        _firstBackoff * Math.Pow(2, attempt - 1) * (1 + (0.2 * Random.Shared.NextDouble()));
#pragma warning restore CA5394
}
