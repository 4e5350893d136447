using System.Text;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Turns a file or string into checked text before any YAML parsing: size cap first (a huge file is refused
/// without being read), then strict UTF-8 and no NUL characters (binary files get a clear error, not a parser trace).
/// </summary>
internal static class SourceText
{
    public static string ReadFile(string path, long maxBytes, string what)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput, $"{path}: no such file",
                    Directory.Exists(path) ? $"{path} is a directory; give a {what} file" : null);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"{path}: cannot read: {ex.Message}", inner: ex);
        }

        if (info.Length > maxBytes)
        {
            throw TooLarge(path, info.Length, maxBytes, what);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"{path}: cannot read: {ex.Message}", inner: ex);
        }

        return Decode(bytes, path, maxBytes, what);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string source, long maxBytes, string what)
    {
        if (bytes.Length > maxBytes)
        {
            throw TooLarge(source, bytes.Length, maxBytes, what);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var index = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes[..index].Count((byte)'\n');
            throw SafeYamlLoader.Fail(source, line, 1, $"not UTF-8 text (invalid byte near offset {index}); is it a binary file?");
        }

        return Check(text, source, maxBytes, what);
    }

    public static string Check(string text, string source, long maxBytes, string what)
    {
        if (text.Length > maxBytes || Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            throw TooLarge(source, Encoding.UTF8.GetByteCount(text), maxBytes, what);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = 1 + text.AsSpan(0, nul).Count('\n');
            throw SafeYamlLoader.Fail(source, line, 1, "contains NUL characters; is it a binary file?");
        }

        return text;
    }

    private static ArgoFlowException TooLarge(string source, long size, long maxBytes, string what) =>
        new(ExitCode.InvalidInput,
            $"{source}: {size} bytes is larger than the {maxBytes / 1024} KiB limit for a {what}",
            $"a {what} is a small YAML file; check that the right file was given");
}
