using System.Text.RegularExpressions;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>Parses the text of an input: <c>steps.STEP.OUTPUT</c>, <c>params.NAME</c> or a literal image URI/key.</summary>
internal static partial class StepReference
{
    public static ValueSource? Parse(string text, out string? malformed)
    {
        malformed = null;
        if (StepPattern().Match(text) is { Success: true } step)
        {
            return new StepOutputRef(step.Groups[1].Value, step.Groups[2].Value);
        }

        if (ParamPattern().Match(text) is { Success: true } param)
        {
            return new ParameterRef(param.Groups[1].Value);
        }

        if (text.StartsWith("steps.", StringComparison.Ordinal))
        {
            malformed = $"'{text}' is not a step output reference: write steps.STEP.OUTPUT, e.g. steps.resize.image";
            return null;
        }

        if (text.StartsWith("params.", StringComparison.Ordinal))
        {
            malformed = $"'{text}' is not a parameter reference: write params.NAME, e.g. params.input";
            return null;
        }

        if (text.Any(char.IsWhiteSpace) || text.Contains("{{", StringComparison.Ordinal))
        {
            malformed = $"'{text}' is not an image URI or key (no spaces or {{{{...}}}}; use params.NAME for a workflow parameter)";
            return null;
        }

        return new LiteralValue(text);
    }

    [GeneratedRegex(@"^steps\.([^.\s]+)\.([^.\s]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"^params\.([a-zA-Z0-9_][-a-zA-Z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ParamPattern();
}
