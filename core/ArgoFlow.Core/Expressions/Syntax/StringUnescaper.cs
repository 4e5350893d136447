using System.Text;

namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// Resolves the escapes of a quoted literal as expr does (parser/lexer/utils.go, after Go's strconv): \a \b \f \n
/// \r \t \v \\ \' \" \` \?, \xHH, \uHHHH, \u{H..HHHHHH}, \UHHHHHHHH and \OOO octal. Errors are FormatExceptions
/// carrying expr's wording, which the lexer places.
/// </summary>
internal static class StringUnescaper
{
    private const string Failure = "unable to unescape string";

    public static string Unescape(string quoted, bool bytes)
    {
        var value = quoted.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (value.Length < 2 || value[0] != value[^1] || (value[0] != '"' && value[0] != '\''))
        {
            throw new FormatException(Failure);
        }

        var text = new StringBuilder(value.Length);
        var i = 1;
        var end = value.Length - 1;
        while (i < end)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i++]);
                continue;
            }

            if (i + 1 >= end)
            {
                throw new FormatException("unable to unescape string, found '\\' as last character");
            }

            var c = value[i + 1];
            i += 2;
            switch (c)
            {
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'v': text.Append('\v'); break;
                case '\\' or '\'' or '"' or '`' or '?': text.Append(c); break;
                case 'u' when i < end && value[i] == '{':
                    var close = value.IndexOf('}', i);
                    if (close < 0 || close >= end || close - i - 1 is < 1 or > 6)
                    {
                        throw new FormatException(Failure);
                    }

                    AppendCodePoint(text, Hex(value, i + 1, close - i - 1));
                    i = close + 1;
                    break;
                case 'x' or 'X' or 'u' or 'U':
                    var count = c switch { 'u' => 4, 'U' => 8, _ => 2 };
                    if (i + count > end)
                    {
                        throw new FormatException(Failure);
                    }

                    var code = Hex(value, i, count);
                    i += count;
                    // \x writes one byte in Go; as text it is the character with that code.
                    if (c is 'x' or 'X' || bytes)
                    {
                        text.Append((char)code);
                    }
                    else
                    {
                        AppendCodePoint(text, code);
                    }

                    break;
                case >= '0' and <= '3':
                    if (i + 2 > end || value[i] is < '0' or > '7' || value[i + 1] is < '0' or > '7')
                    {
                        throw new FormatException("unable to unescape octal sequence in string");
                    }

                    text.Append((char)(((c - '0') * 64) + ((value[i] - '0') * 8) + (value[i + 1] - '0')));
                    i += 2;
                    break;
                default:
                    throw new FormatException(Failure);
            }
        }

        return text.ToString();
    }

    private static int Hex(string value, int start, int count)
    {
        var code = 0L;
        for (var k = start; k < start + count; k++)
        {
            var digit = ExpressionLexer.DigitValue(value[k]);
            if (digit >= 16)
            {
                throw new FormatException(Failure);
            }

            code = (code << 4) | (uint)digit;
        }

        return code > 0x10FFFF ? throw new FormatException(Failure) : (int)code;
    }

    // Go encodes a surrogate code point as U+FFFD.
    private static void AppendCodePoint(StringBuilder text, int code) =>
        text.Append(Rune.IsValid(code) ? new Rune(code).ToString() : "\uFFFD");
}
