using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ArgoFlow.TestSupport.Waits;

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

    // Set when each redirected stream reaches its end (a null line): after both, every line has been received.
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string command)
    {
        _process = process;
        Command = command;
    }

    /// <summary>The command line, for messages ("argoflow serve --store ...").</summary>
    public string Command { get; }

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
        var child = new ChildProcess(process, "argoflow " + string.Join(' ', args));
        process.OutputDataReceived += (_, e) => Receive(e.Data, child._stdout, child._stdoutClosed);
        process.ErrorDataReceived += (_, e) => Receive(e.Data, child._stderr, child._stderrClosed);
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

    /// <summary>
    /// Waits for the exit and for the last line of stdout and stderr, so <see cref="Stdout"/> and
    /// <see cref="Stderr"/> are complete afterwards. Fails naming the command when it takes longer than
    /// <paramref name="guard"/> (a hung process must not hang the test run).
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan guard)
    {
        var exited = Task.WhenAll(_process.WaitForExitAsync(), _stdoutClosed.Task, _stderrClosed.Task);
        await exited.WithinAsync($"{Command} to exit (stderr so far: {Stderr})", guard);
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits for a stderr line matching <paramref name="pattern"/>; fails when the process exits first or the
    /// bound passes, with what was waited for and the stderr so far.
    /// </summary>
    public async Task<Match> WaitForStderrAsync(Regex pattern, string waitingFor, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Match? found = null;
        await Wait.UntilAsync(
            () => (found = _stderr.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success)) is not null || _stderrClosed.Task.IsCompleted,
            $"{waitingFor} from {Command}", bound);
        return found ?? throw new InvalidOperationException($"{Command} closed stderr (exited) before {waitingFor}: {Stderr}");
    }

    private static void Receive(string? line, ConcurrentQueue<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            lines.Enqueue(line);
        }
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
