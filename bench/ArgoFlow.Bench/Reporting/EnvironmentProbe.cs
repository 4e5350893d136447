using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace ArgoFlow.Bench.Reporting;

/// <summary>Reads where a benchmark runs: host, CPU model, cores, OS, .NET, and the ArgoFlow, ONNX Runtime and OpenCV versions.</summary>
public static class EnvironmentProbe
{
    public static EnvironmentReport Current() => new(
        Environment.MachineName,
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(EnvironmentProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
        OrtEnv.Instance().GetVersionString(),
        Cv2.GetVersionString() ?? "unknown");

    private static string CpuModel()
    {
        try
        {
            const string path = "/proc/cpuinfo";
            var line = File.Exists(path)
                ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
