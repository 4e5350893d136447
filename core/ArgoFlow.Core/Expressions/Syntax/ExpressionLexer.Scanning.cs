using System.Text;

namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>The lexer's cursor (runes over UTF-16, offsets counted in runes as expr counts them) and strings.</summary>
internal sealed partial class ExpressionLexer
{
    private int NextRune()
    {
        if (_end >= _source.Length)
        {
            _atEof = true;
            _lastWidth = 0;
            return EndOfInput;
        }

        Rune.DecodeFromUtf16(_source.AsSpan(_end), out var rune, out var width);
        _end += width;
        _endRune++;
        _lastWidth = width;
        return rune.Value;
    }

    private int Peek()
    {
        if (_end >= _source.Length)
        {
            return EndOfInput;
        }

        Rune.DecodeFromUtf16(_source.AsSpan(_end), out var rune, out _);
        return rune.Value;
    }

    private void Backup()
    {
        if (_atEof)
        {
            _atEof = false;
        }
        else if (_endRune > 0)
        {
            _end -= _lastWidth;
            _endRune--;
        }
    }

    private bool Accept(string valid)
    {
        var next = Peek();
        if (next >= 0 && next <= char.MaxValue && valid.Contains((char)next, StringComparison.Ordinal))
        {
            NextRune();
            return true;
        }

        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private string Word() => _source[_start.._end];

    private void Emit(TokenKind kind) => Emit(kind, Word());

    private void Emit(TokenKind kind, string value)
    {
        _tokens.Enqueue(new Token(kind, value, _startRune));
        Skip();
    }

    private void EmitEof()
    {
        _tokens.Enqueue(new Token(TokenKind.Eof, string.Empty, Math.Max(_endRune - 1, 0)));
        Skip();
        _done = true;
    }

    private void Skip() => (_start, _startRune) = (_end, _endRune);

    private ExpressionSyntaxException Error(string reason)
    {
        var end = _atEof ? _endRune + 1 : _endRune;
        return new ExpressionSyntaxException(reason, _source, end - 1);
    }

    private void ScanString(int quote)
    {
        var ch = NextRune();
        while (ch != quote)
        {
            if (ch == '\n' || ch == EndOfInput)
            {
                throw Error("literal not terminated");
            }

            ch = ch == '\\' ? ScanEscape(quote) : NextRune();
        }
    }

    private int ScanEscape(int quote)
    {
        var ch = NextRune();
        switch (ch)
        {
            case 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\':
                return NextRune();
            case >= '0' and <= '7':
                return ScanDigits(ch, 8, 3);
            case 'x':
                return ScanDigits(NextRune(), 16, 2);
            case 'u' when Peek() == '{':
                NextRune();
                var digits = 0;
                while (Peek() != '}')
                {
                    if (DigitValue(Peek()) >= 16 || digits >= 6)
                    {
                        throw Error("invalid char escape");
                    }

                    NextRune();
                    digits++;
                }

                if (digits == 0)
                {
                    throw Error("invalid char escape");
                }

                NextRune();
                return NextRune();
            case 'u':
                return ScanDigits(NextRune(), 16, 4);
            case 'U':
                return ScanDigits(NextRune(), 16, 8);
            default:
                if (ch == quote)
                {
                    return NextRune();
                }

                throw Error("invalid char escape");
        }
    }

    private int ScanDigits(int ch, int radix, int count)
    {
        while (count > 0 && DigitValue(ch) < radix)
        {
            ch = NextRune();
            count--;
        }

        if (count > 0)
        {
            throw Error("invalid char escape");
        }

        return ch;
    }

    internal static int DigitValue(int ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'f' => ch - 'a' + 10,
        >= 'A' and <= 'F' => ch - 'A' + 10,
        _ => 16,
    };

    // Back quotes: no escapes, a doubled back quote stands for one, newlines allowed.
    private void ScanRawString()
    {
        while (true)
        {
            var ch = NextRune();
            if (ch == '`')
            {
                if (Peek() != '`')
                {
                    break;
                }

                NextRune();
                continue;
            }

            if (ch == EndOfInput)
            {
                throw Error("literal not terminated");
            }
        }

        Emit(TokenKind.String, Word()[1..^1].Replace("``", "`", StringComparison.Ordinal));
    }

    private string Unescape(string quoted, bool bytes)
    {
        try
        {
            return StringUnescaper.Unescape(quoted, bytes);
        }
        catch (FormatException e)
        {
            throw Error(e.Message);
        }
    }
}
