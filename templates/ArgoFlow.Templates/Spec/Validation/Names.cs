using System.Text.RegularExpressions;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Naming rules, from Kubernetes and the Argo CRDs: resource names (pipeline, namespace) are DNS-1123 labels of at
/// most 63 characters; step names become Argo template and DAG task names (at most 128) and are held to the same
/// lower-case DNS-1123 style (starting with a letter); workflow parameter names follow the CRD pattern for parameters.
/// </summary>
internal static partial class Names
{
    public const int MaxResourceName = 63;
    public const int MaxTemplateName = 128;

    public static string? CheckResourceName(string name) =>
        Check(name, MaxResourceName, DnsLabel(), "lower-case letters, digits and '-', starting and ending with a letter or digit");

    /// <summary>Step names start with a letter: Argo's CRD rejects DAG task names that begin with a digit.</summary>
    public static string? CheckStepName(string name) =>
        Check(name, MaxTemplateName, StepPattern(), "lower-case letters, digits and '-', starting with a letter and ending with a letter or digit");

    /// <summary>Secret names are DNS-1123 subdomains (at most 253).</summary>
    public static string? CheckSecretName(string name) =>
        Check(name, 253, DnsSubdomain(), "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");

    /// <summary>Keys of a Secret's data.</summary>
    public static string? CheckSecretKey(string name) =>
        Check(name, 253, SecretKey(), "letters, digits, '-', '_' and '.'");

    public static string? CheckParameterName(string name) =>
        Check(name, MaxTemplateName, ParameterPattern(), "letters, digits, '_' and '-', not starting with '-'");

    private static string? Check(string name, int max, Regex pattern, string rule)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Length > max)
        {
            return $"'{Shorten(name)}' is {name.Length} characters; at most {max} allowed";
        }

        return pattern.IsMatch(name) ? null : $"'{Shorten(name)}' is not a valid name: use {rule}";
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..37] + "...";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex StepPattern();

    [GeneratedRegex("^[a-zA-Z0-9_][-a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();
}
