using System.Collections.Concurrent;
using System.Diagnostics;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using Google.Protobuf;
using Grpc.Core;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// The in-process mode's step invoker: the same requests the runner would send, executed here on the services'
/// domain classes (<see cref="InProcessOperations"/>) with the images kept in memory under their keys - no
/// socket, no serialization on a wire, no file system. The floor the warm path is compared with.
/// </summary>
public sealed class InProcessStepInvoker : IStepInvoker, IDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> objects = new(StringComparer.Ordinal);
    private readonly InProcessOperations operations;

    public InProcessStepInvoker(DetectionModel? model)
    {
        operations = new InProcessOperations(objects, model);
    }

    /// <summary>Makes an image (or any object) readable under <paramref name="key"/>, as a store would.</summary>
    public void Put(string key, byte[] data) => objects[key] = data;

    /// <summary>The object a step wrote, or null.</summary>
    public byte[]? Get(string key) => objects.GetValueOrDefault(key);

    public Task<StepCallResult> InvokeAsync(StepCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            IMessage response = call.Request switch
            {
                ResizeRequest resize => operations.Resize(resize, call.StepName),
                DetectRequest detect => operations.Detect(detect, call.StepName),
                FilterRequest filter => operations.Filter(filter, call.StepName),
                _ => throw new StepCallException(call.StepName, "in-process", StatusCode.Unimplemented,
                    $"{call.Binding.Name} has no in-process operation", 1),
            };
            return Task.FromResult(new StepCallResult(response, 1, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        catch (StepException ex)
        {
            var status = ex.Failure.ToStatusCode();
            throw new StepCallException(call.StepName, "in-process", status, ex.Message, 1, ex);
        }
    }

    public void Dispose() => objects.Clear();
}
