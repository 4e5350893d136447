using ArgoFlow.Services.Errors;

namespace ArgoFlow.Services.Storage;

/// <summary>
/// The rules every object key obeys, whichever store holds it: relative, '/'-separated, no empty, "." or ".."
/// segment, no backslash, NUL or control character - also after percent-decoding, because some tools decode a
/// key once more on the way to disk and "%2e%2e%2f" would then climb out of the root.
/// </summary>
public static class ObjectKeys
{
    /// <summary>S3's own limit on key length, in UTF-8 bytes; applied to the local store as well.</summary>
    public const int MaxKeyBytes = 1024;

    public static string Validate(string key, string field)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw StepException.Invalid(field, "the object key is empty");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw StepException.Invalid(field, $"the object key is longer than {MaxKeyBytes} bytes");
        }

        CheckText(key, field, key);
        var decoded = key;
        for (var round = 0; round < 3 && decoded.Contains('%', StringComparison.Ordinal); round++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
            CheckText(decoded, field, key);
        }

        return key;
    }

    private static void CheckText(string text, string field, string original)
    {
        if (text.StartsWith('/') || (text.Length >= 2 && text[1] == ':'))
        {
            throw StepException.Invalid(field, $"'{Printable(original)}' is an absolute path; give a key relative to the store");
        }

        foreach (var c in text)
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw StepException.Invalid(field, $"'{Printable(original)}' contains a backslash or control character");
            }
        }

        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                throw StepException.Invalid(field,
                    $"'{Printable(original)}' has an empty, '.' or '..' segment; keys may not leave the store root");
            }
        }
    }

    /// <summary>The key as it may be logged or returned: control characters (NUL included) escaped.</summary>
    public static string Printable(string key) =>
        string.Concat(key.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
