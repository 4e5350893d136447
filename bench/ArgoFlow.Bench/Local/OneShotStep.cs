using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Detect;
using ArgoFlow.Services.Hosting;
using ArgoFlow.Steps.Client;
using ArgoFlow.Templates.Spec;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// What one process of the bench's cold mode does (`argoflow oneshot TYPE`): start the one service this step
/// needs inside the process (load the libraries and, for detect, the model), make the single call through the
/// same client and protocol as everywhere else, and stop. It is the work a container per step repeats for every
/// step, minus the pod scheduling, image pull and sidecars a cluster adds.
/// </summary>
public static class OneShotStep
{
    /// <summary>Runs the request (proto JSON, as the HTTP route takes it) and returns the response JSON.</summary>
    public static async Task<string> RunAsync(string type, string requestJson, string store, string? modelPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestJson);
        var stepType = StepCatalog.Find(type) ?? throw new ArgoFlowException(ExitCode.Usage,
            $"oneshot: unknown step type '{type}'", $"use one of {string.Join(", ", StepCatalog.All.Select(s => s.Name))}");
        var binding = StepBinding.For(stepType);
        IMessage request;
        try
        {
            request = JsonParser.Default.Parse(requestJson, binding.RequestDescriptor);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"oneshot {type}: the request on stdin is not a {binding.RequestDescriptor.Name} JSON: {ex.Message}");
        }
        catch (InvalidJsonException ex)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"oneshot {type}: the request on stdin is not JSON: {ex.Message}");
        }

        var options = new WarmHostOptions
        {
            Services = [type],
            GrpcPort = 0,
            HttpPort = -1,
            Store = store,
            Models = type == "detect" && modelPath is not null ? [new ModelOptions { Path = modelPath }] : [],
            MaxConcurrency = 1,
            ConfigureLogging = logging => logging.ClearProviders(),
        };
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"oneshot {type}: {string.Join("; ", problems)}");
        }

        await using var host = await WarmHost.StartAsync(options, null, null, cancellationToken);
        await host.WaitUntilServingAsync(cancellationToken);
        using var client = new StepClient();
        var call = new StepCall(type, binding, host.GrpcAddress, request, TimeSpan.FromSeconds(PipelineSpecReader.DefaultTimeoutSeconds),
            RetryPolicy.Default with { Limit = 0 });
        var result = await client.InvokeAsync(call, cancellationToken);
        return ProtoJson.Format(result.Response);
    }
}
