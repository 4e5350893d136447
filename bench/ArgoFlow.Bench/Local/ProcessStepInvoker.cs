using System.Diagnostics;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using Google.Protobuf;
using Grpc.Core;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// The cold mode's step invoker: every step is a new `argoflow oneshot TYPE --store DIR [--model PATH]` process
/// that reads the request JSON on stdin and prints the response JSON on stdout - a container per step on this
/// machine. The wall time includes process start, runtime and library load, model load and the call.
/// </summary>
public sealed class ProcessStepInvoker : IStepInvoker
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private readonly ColdCommand command;
    private readonly string storeRoot;
    private readonly string? modelPath;

    public ProcessStepInvoker(ColdCommand command, string storeRoot, string? modelPath)
    {
        this.command = command;
        this.storeRoot = storeRoot;
        this.modelPath = modelPath;
    }

    public async Task<StepCallResult> InvokeAsync(StepCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var target = $"process {Path.GetFileName(command.FileName)}";
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Prefix.Concat(Arguments(call.Binding.Name)))
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)
            ?? throw new StepCallException(call.StepName, target, StatusCode.Unavailable, "the process did not start", 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(ProtoJson.Format(call.Request).AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            var errors = await stderr;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (process.ExitCode != 0)
            {
                throw new StepCallException(call.StepName, target, StatusFor(process.ExitCode), FirstLine(errors, process.ExitCode), 1);
            }

            return new StepCallResult(Parser.Parse(output, call.Binding.ResponseDescriptor), 1, elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new StepCallException(call.StepName, target, StatusCode.DeadlineExceeded, $"no answer within {call.Timeout.TotalSeconds:0} s", 1);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new StepCallException(call.StepName, target, StatusCode.Internal, $"the process printed no valid response JSON: {ex.Message}", 1, ex);
        }
    }

    private IEnumerable<string> Arguments(string type)
    {
        yield return "oneshot";
        yield return type;
        yield return "--store";
        yield return storeRoot;
        if (modelPath is not null && type == "detect")
        {
            yield return "--model";
            yield return modelPath;
        }
    }

    /// <summary>The child's exit code as the gRPC status the same failure would have had over the wire.</summary>
    private static StatusCode StatusFor(int exitCode) => exitCode switch
    {
        2 or 3 => StatusCode.InvalidArgument,
        4 => StatusCode.Unavailable,
        6 => StatusCode.DeadlineExceeded,
        _ => StatusCode.Internal,
    };

    private static string FirstLine(string stderr, int exitCode)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal));
        return line is null ? $"exit code {exitCode}" : $"exit code {exitCode}: {line}";
    }
}
