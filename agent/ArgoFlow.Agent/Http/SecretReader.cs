using System.Text;
using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Agent.Http;

/// <summary>
/// Reads one key of a Secret for a header's <c>valueFrom.secretKeyRef</c>, in the TaskSet's namespace, on every
/// use (a rotated secret takes effect at once, as with Argo's agent). Transient API errors are retried a few times;
/// the rest fail the node with Argo's wording (<c>secrets "x" not found</c>, <c>secret 'x' does not have the key 'y'</c>).
/// </summary>
internal sealed class SecretReader
{
    private const int Attempts = 5;
    private readonly KubeApiClient _api;
    private readonly TimeProvider _time;

    public SecretReader(KubeApiClient api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    public async Task<string> ReadAsync(string ns, string name, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var secret = await _api.GetAsync(ResourceTypes.Secret.ItemPath(ns, name), cancellationToken).ConfigureAwait(false);
                var encoded = (string?)secret["data"]?[key];
                if (encoded is null)
                {
                    throw new TaskFailedException($"secret '{name}' does not have the key '{key}'");
                }

                return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (KubeApiException ex) when (ex.Status.IsTransient && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException ex)
            {
                throw new TaskFailedException(ex.Status.Message, ex);
            }
            catch (ArgoFlowException ex) when (ex.ExitCode == ExitCode.Unavailable)
            {
                throw new TaskFailedException(ex.Message, ex);
            }
            catch (FormatException ex)
            {
                throw new TaskFailedException($"secret '{name}' key '{key}' is not base64: {ex.Message}", ex);
            }
        }
    }
}
