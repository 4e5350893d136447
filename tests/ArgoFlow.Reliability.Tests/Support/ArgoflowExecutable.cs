using System.Diagnostics;

namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>
/// The built `argoflow` apphost. The test project references the CLI project, so the build copies the executable
/// next to the test assembly; the tests start it as a real, separate, killable process.
/// </summary>
internal static class ArgoflowExecutable
{
    private static readonly Lazy<string> UnprivilegedLazy = new(() => OperatingSystem.IsLinux() ? FindOrCopyForNobody() : Path);

    public static string Path
    {
        get
        {
            var path = System.IO.Path.Combine(AppContext.BaseDirectory, "argoflow");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing; build tests/ArgoFlow.Reliability.Tests first");
        }
    }

    /// <summary>
    /// The executable as user nobody can run it. A checkout under a folder only root may enter (a CI clone in
    /// /root, say) is out of nobody's reach, so the build output is then copied once to a world-readable temp folder.
    /// </summary>
    public static string UnprivilegedPath => UnprivilegedLazy.Value;

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static string FindOrCopyForNobody()
    {
        if (NobodyCanRun(Path))
        {
            return Path;
        }

        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"argoflow-nobody-{Environment.ProcessId}");
        var source = AppContext.BaseDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(target, recursive: true);
            }
            catch (IOException)
            {
                // A leftover copy in the temp folder must not fail the run.
            }
        };
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, dir));
            Directory.CreateDirectory(copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0b111_101_101);
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var to = System.IO.Path.Combine(copy, System.IO.Path.GetFileName(file));
                File.Copy(file, to, overwrite: true);
                File.SetUnixFileMode(to, (UnixFileMode)0b111_101_101);
            }
        }

        var parent = new DirectoryInfo(target);
        File.SetUnixFileMode(parent.FullName, (UnixFileMode)0b111_101_101);
        return System.IO.Path.Combine(target, "argoflow");
    }

    private static bool NobodyCanRun(string path)
    {
        var check = new ProcessStartInfo("setpriv") { UseShellExecute = false };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-x", path })
        {
            check.ArgumentList.Add(arg);
        }

        using var process = Process.Start(check)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
