using System.Text;
using Xunit;

namespace ArgoFlow.TestSupport;

/// <summary>
/// Byte-for-byte comparison with a committed golden file. ARGOFLOW_UPDATE_GOLDEN=1 rewrites it; under CI=true a
/// missing or different file always fails (CI never creates or rewrites goldens). The file is compared as bytes,
/// not as decoded text, so a byte-order mark, bytes that are not UTF-8 or changed line endings fail the test
/// (a text read would drop the mark and replace bad bytes without a word).
/// </summary>
public static class GoldenFile
{
    /// <summary>UTF-8 without a byte-order mark, throwing on bytes that are not UTF-8.</summary>
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void AssertMatches(string path, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var update = Environment.GetEnvironmentVariable("ARGOFLOW_UPDATE_GOLDEN") == "1" && !ci;
        var actualBytes = Strict.GetBytes(actual);
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actualBytes);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; regenerate with ARGOFLOW_UPDATE_GOLDEN=1");
        var expectedBytes = File.ReadAllBytes(path);
        if (expectedBytes.AsSpan().SequenceEqual(actualBytes))
        {
            return;
        }

        Assert.Fail($"golden file {path} differs from the generated output: {Describe(expectedBytes, actualBytes)}; " +
                    "regenerate with ARGOFLOW_UPDATE_GOLDEN=1 (never under CI=true) and review the diff");
    }

    /// <summary>Why the two byte strings differ, in the terms a person fixes it by.</summary>
    internal static string Describe(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return "the file starts with a UTF-8 byte-order mark (EF BB BF), the generator writes none";
        }

        var bad = FirstInvalidUtf8(expected);
        if (bad >= 0)
        {
            return $"the file is not valid UTF-8 (a bad byte sequence at byte {bad}: 0x{expected[bad]:X2})";
        }

        var text = Strict.GetString(expected);
        var offset = expected.AsSpan().CommonPrefixLength(actual);
        var line = 1 + expected.AsSpan(0, offset).Count((byte)'\n');
        var expectedLine = LineAt(text, line);
        var actualLine = LineAt(Strict.GetString(actual), line);
        return $"first difference at byte {offset} (line {line}): expected \"{Escape(expectedLine)}\", generated \"{Escape(actualLine)}\"" +
               $" ({expected.Length} bytes committed, {actual.Length} generated)";
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or -1.</summary>
    private static int FirstInvalidUtf8(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    private static string LineAt(string text, int line)
    {
        var lines = text.Split('\n');
        return line <= lines.Length ? lines[line - 1] : "(end of file)";
    }

    private static string Escape(string line) =>
        line.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
