using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// The API server answered with an error Status. The exit code follows what the user can do about it: 422 is
/// invalid input; everything else (auth, missing objects, conflicts, server errors) is a cluster error.
/// </summary>
public sealed class KubeApiException : ArgoFlowException
{
    public KubeApiException(KubeStatus status, string message, string? hint = null)
        : base(status.Code == 422 ? ExitCode.InvalidInput : ExitCode.Unavailable, message, hint)
    {
        Status = status;
    }

    public KubeStatus Status { get; }

    public int Code => Status.Code;
}
