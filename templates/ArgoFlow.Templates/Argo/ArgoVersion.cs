using System.Globalization;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Argo;

/// <summary>
/// An Argo Workflows release, <c>vMAJOR.MINOR.PATCH</c>: the lowest version generated output must work on
/// (<c>generate --argo-version</c>) or a lint target (<c>lint --argo-version</c>).
/// </summary>
public sealed record ArgoVersion(int Major, int Minor, int Patch)
{
    /// <summary>The oldest Argo ArgoFlow supports and the default target: v3.5.0 has every template type and field
    /// the generator relies on (http and plugin templates, retryStrategy.expression).</summary>
    public static ArgoVersion Oldest { get; } = new(3, 5, 0);

    /// <summary>The newest release whose API <see cref="ArgoFieldHistory"/> was checked against.</summary>
    public static ArgoVersion NewestKnown { get; } = new(4, 1, 2);

    /// <summary>Reads <c>v3.7</c>, <c>3.7.0</c>, <c>v4.1.2</c>; <paramref name="option"/> names the flag in errors.</summary>
    public static ArgoVersion Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = (text.StartsWith('v') ? text[1..] : text).Split('.');
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (parts.Length is < 2 or > 3 || numbers.Any(n => n < 0))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"{option} '{text}' is not an Argo version",
                "write it as vMAJOR.MINOR or vMAJOR.MINOR.PATCH, e.g. v3.7 or v4.1.2");
        }

        var version = new ArgoVersion(numbers[0], numbers[1], numbers.Length == 3 ? numbers[2] : 0);
        return version.CompareTo(Oldest) >= 0
            ? version
            : throw new ArgoFlowException(ExitCode.Usage, $"{option} {version}: ArgoFlow supports Argo {Oldest} and later",
                $"upgrade Argo Workflows, or target {Oldest}");
    }

    public int CompareTo(ArgoVersion? other) => other is null ? 1
        : Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public bool AtLeast(ArgoVersion other) => CompareTo(other) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}");
}
