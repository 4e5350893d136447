using System.Text;

namespace ArgoFlow.Core.Expressions.Syntax;

/// <summary>
/// expr's lexer (parser/lexer/state.go) rune for rune: the same tokens, the same errors at the same places. It runs
/// lazily, one token per request, because expr reports whichever error comes first in parse order - a parser error
/// before a later lexing error.
/// </summary>
internal sealed partial class ExpressionLexer
{
    private const int EndOfInput = -1;
    private const string Digits = "0123456789";

    private readonly string _source;
    private readonly Queue<Token> _tokens = new();
    private int _start, _startRune, _end, _endRune, _lastWidth;
    private bool _atEof, _done;

    public ExpressionLexer(string source) => _source = source;

    /// <summary>The next token, or null once the EOF token has been handed out.</summary>
    public Token? Next()
    {
        while (_tokens.Count == 0 && !_done)
        {
            Root();
        }

        return _tokens.Count > 0 ? _tokens.Dequeue() : null;
    }

    private void Root()
    {
        var r = NextRune();
        switch (r)
        {
            case EndOfInput:
                EmitEof();
                return;
            case '\'' or '"':
                ScanString(r);
                Emit(TokenKind.String, Unescape(Word(), bytes: false));
                return;
            case '`':
                ScanRawString();
                return;
            case 'b' or 'B' when Peek() is '\'' or '"':
                ScanString(NextRune());
                Emit(TokenKind.Bytes, Unescape(Word()[1..], bytes: true));
                return;
            case >= '0' and <= '9':
                Backup();
                Number();
                return;
            case '?':
                Accept(".?");
                Emit(TokenKind.Operator);
                return;
            case '/':
                Slash();
                return;
            case '#':
                Pointer();
                return;
            case '|':
                Accept("|");
                Emit(TokenKind.Operator);
                return;
            case ':':
                Accept(":");
                Emit(TokenKind.Operator);
                return;
            case '(' or '[' or '{' or ')' or ']' or '}':
                Emit(TokenKind.Bracket);
                return;
            case ',' or ';' or '%' or '+' or '-' or '^':
                Emit(TokenKind.Operator);
                return;
            case '&' or '!' or '=' or '*' or '<' or '>':
                Accept("&=*");
                Emit(TokenKind.Operator);
                return;
            case '.':
                Backup();
                Dot();
                return;
        }

        if (IsSpace(r))
        {
            Skip();
        }
        else if (IsAlphaNumeric(r))
        {
            Backup();
            Identifier();
        }
        else
        {
            throw Error($"unrecognized character: {FormatRune(r)}");
        }
    }

    private void Number()
    {
        if (!ScanNumber())
        {
            throw Error($"bad number syntax: {Token.GoQuote(Word())}");
        }

        Emit(TokenKind.Number);
    }

    private bool ScanNumber()
    {
        var digits = Digits + "_";
        if (Accept("0"))
        {
            // A leading 0 does not mean octal: 0o does.
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }

        AcceptRun(digits);
        var (end, endRune) = (_end, _endRune);
        if (Accept("."))
        {
            // "1..2" is a range: the dots belong to the operator, not to the number.
            if (Peek() == '.')
            {
                (_end, _endRune) = (end, endRune);
                return true;
            }

            AcceptRun(digits);
        }

        if (Accept("eE"))
        {
            Accept("+-");
            AcceptRun(digits);
        }

        if (IsAlphaNumeric(Peek()))
        {
            NextRune();
            return false;
        }

        return true;
    }

    private void Dot()
    {
        NextRune();
        if (Accept(Digits))
        {
            Backup();
            Number();
            return;
        }

        Accept(".");
        Emit(TokenKind.Operator);
    }

    private void Identifier()
    {
        while (IsAlphaNumeric(NextRune()))
        {
        }

        Backup();
        switch (Word())
        {
            case "not":
                Not();
                break;
            case "in" or "or" or "and" or "matches" or "contains" or "startsWith" or "endsWith" or "let" or "if"
                or "else":
                Emit(TokenKind.Operator);
                break;
            default:
                Emit(TokenKind.Identifier);
                break;
        }
    }

    // "not in", "not contains" ...: the second word becomes its own operator token right away.
    private void Not()
    {
        Emit(TokenKind.Operator);
        AcceptRun(" ");
        Skip();
        var (end, endRune) = (_end, _endRune);
        while (IsAlphaNumeric(NextRune()))
        {
        }

        Backup();
        if (Word() is "in" or "matches" or "contains" or "startsWith" or "endsWith")
        {
            Emit(TokenKind.Operator);
        }
        else
        {
            (_end, _endRune) = (end, endRune);
        }
    }

    private void Slash()
    {
        if (Accept("/"))
        {
            int r;
            do
            {
                r = NextRune();
            }
            while (r != EndOfInput && r != '\n');
            Skip();
        }
        else if (Accept("*"))
        {
            while (true)
            {
                var r = NextRune();
                if (r == EndOfInput)
                {
                    throw Error("unclosed comment");
                }

                if (r == '*' && Accept("/"))
                {
                    break;
                }
            }

            Skip();
        }
        else
        {
            Emit(TokenKind.Operator);
        }
    }

    private void Pointer()
    {
        Accept("#");
        Emit(TokenKind.Operator);
        while (IsAlphaNumeric(NextRune()))
        {
        }

        Backup();
        if (Word().Length > 0)
        {
            Emit(TokenKind.Identifier);
        }
    }

    private static bool IsSpace(int r) => r >= 0 && Rune.IsValid(r) && Rune.IsWhiteSpace(new Rune(r));

    internal static bool IsAlphaNumeric(int r) =>
        r == '_' || r == '$' || (r >= 0 && Rune.IsValid(r) && (Rune.IsLetter(new Rune(r)) || Rune.IsDigit(new Rune(r))));

    private static string FormatRune(int r)
    {
        var code = $"U+{r:X4}";
        return Rune.IsValid(r) && !Rune.IsControl(new Rune(r)) ? $"{code} '{new Rune(r)}'" : code;
    }
}
