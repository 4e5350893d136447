using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>
/// `argoflow ARGS` as a child process with stdout and stderr captured line by line. Optionally run as the
/// unprivileged user nobody (setpriv), so file permissions mean something even when the tests run as root.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout => string.Join('\n', _stdout);

    public string Stderr => string.Join('\n', _stderr);

    public static ChildProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool unprivileged = false)
    {
        // Only root needs (and may use) setpriv; any other user is already bound by file permissions.
        unprivileged &= Environment.UserName == "root";
        var start = new ProcessStartInfo(unprivileged ? "setpriv" : ArgoflowExecutable.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (unprivileged)
        {
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", ArgoflowExecutable.UnprivilegedPath })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HOME"] = Path.GetTempPath();
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { child._stdout.Enqueue(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { child._stderr.Enqueue(line); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as when a node dies or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, what Kubernetes sends first when it stops a pod.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the exit; the guard only keeps a hung process from hanging the test run.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan guard)
    {
        using var cts = new CancellationTokenSource(guard);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Peak resident set size in KiB (VmHWM in /proc/PID/status), while the process runs.</summary>
    public long PeakRssKib()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
