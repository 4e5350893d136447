using ArgoFlow.Contracts.V1;
using Google.Protobuf;

namespace ArgoFlow.Steps.Client;

/// <summary>A successful call: the response, how many attempts it took and the client-side wall time.</summary>
public sealed record StepCallResult(IMessage Response, int Attempts, double ClientMs)
{
    /// <summary>The service's own timing breakdown (every response carries one in its <c>timing</c> field).</summary>
    public Timing Timing =>
        Response.Descriptor.FindFieldByName("timing")?.Accessor.GetValue(Response) as Timing ?? new Timing();
}
