using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ArgoFlow.TestSupport;

/// <summary>
/// A real S3 peer for tests: s3rver (tests/peers, npm) on 127.0.0.1 with a port it picks itself and a temp data
/// directory, with the given buckets created at start. Started per fixture, killed on dispose. Needs `npm install`
/// in tests/peers (done by .ci/run).
/// </summary>
public sealed partial class S3Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _data;

    private S3Server(Process process, TempDirectory data, int port)
    {
        _process = process;
        _data = data;
        Port = port;
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The directory s3rver keeps objects in (bucket/key...), for checking what was written.</summary>
    public string DataDirectory => _data.Path;

    public static async Task<S3Server> StartAsync(params string[] buckets)
    {
        var script = Path.Combine(SharedData.RepoRoot, "tests", "peers", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing; run `npm install` in tests/peers");
        }

        var data = new TempDirectory("argoflow-s3rver");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "-d", data.Path, "-a", "127.0.0.1", "-p", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var bucket in buckets)
        {
            start.ArgumentList.Add("--configure-bucket");
            start.ArgumentList.Add(bucket);
        }

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        // s3rver prints "S3rver listening on 127.0.0.1:PORT" once it accepts connections.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Listening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("s3rver exited before it was listening"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new S3Server(process, data, await listening.Task);
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            data.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server (e.g. to test an unreachable store); dispose still cleans up.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        _data.Dispose();
    }

    [GeneratedRegex(@"listening on [^:]+:(\d+)")]
    private static partial Regex Listening();
}
