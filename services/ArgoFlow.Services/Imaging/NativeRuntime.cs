using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Checks at start that OpenCV's native library (libOpenCvSharpExtern.so) loads, so a machine without its system
/// libraries gets the missing library's name and the install line instead of a type-initializer failure deep in
/// the first image call. Its direct dependencies are listed by `readelf -d`; libgtk-3-0 pulls gdk, pango, cairo,
/// atk, gdk-pixbuf, glib and X11, the other four are separate Debian packages (README, Dockerfile).
/// </summary>
public static partial class NativeRuntime
{
    /// <summary>The one command that installs every library OpenCV's runtime needs on Debian 12.</summary>
    public const string InstallLine =
        "apt-get update && apt-get install -y --no-install-recommends libgtk-3-0 libdrm2 libatomic1 libfreetype6 libharfbuzz0b";

    private const string OpenCvLibrary = "OpenCvSharpExtern";

    private static readonly Dictionary<string, string> PackageBySoname = new(StringComparer.Ordinal)
    {
        ["libdrm.so.2"] = "libdrm2",
        ["libatomic.so.1"] = "libatomic1",
        ["libfreetype.so.6"] = "libfreetype6",
        ["libharfbuzz.so.0"] = "libharfbuzz0b",
    };

    private static readonly Lazy<string?> Problem = new(() => Probe(OpenCvLibrary));

    /// <summary>Throws <see cref="ArgoFlowException"/> (exit 4) naming the missing library when OpenCV cannot load.</summary>
    public static void EnsureOpenCv()
    {
        if (Problem.Value is { } problem)
        {
            throw Missing(problem);
        }
    }

    /// <summary>The loader's message when <paramref name="library"/> cannot be loaded, else null.</summary>
    public static string? Probe(string library)
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(library, typeof(NativeRuntime).Assembly, null));
            return null;
        }
        catch (DllNotFoundException ex)
        {
            return ex.Message;
        }
        catch (BadImageFormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The error for a loader message such as "libgtk-3.so.0: cannot open shared object file".</summary>
    public static ArgoFlowException Missing(string loaderMessage)
    {
        ArgumentNullException.ThrowIfNull(loaderMessage);
        // The loader tries several paths; the one where the library exists names the dependency it lacks.
        var soname = MissingSoname().Matches(loaderMessage)
            .Select(m => m.Groups["name"].Value)
            .FirstOrDefault(name => !name.Contains(OpenCvLibrary, StringComparison.Ordinal));
        if (soname is null)
        {
            return new ArgoFlowException(ExitCode.Unavailable,
                $"OpenCV's native library ({OpenCvLibrary}) cannot be loaded: {FirstLine(loaderMessage)}",
                $"reinstall ArgoFlow, and install OpenCV's system libraries: {InstallLine}");
        }

        var package = PackageBySoname.GetValueOrDefault(soname, "libgtk-3-0");
        return new ArgoFlowException(ExitCode.Unavailable,
            $"OpenCV's native library needs {soname}, which is not installed (Debian package {package})",
            $"install every library OpenCV needs: {InstallLine}");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    // dlerror's wording: "<needed library>: cannot open shared object file: No such file or directory".
    [GeneratedRegex(@"(?<name>lib[\w.+-]+\.so[\w.]*): cannot open shared object file")]
    private static partial Regex MissingSoname();
}
