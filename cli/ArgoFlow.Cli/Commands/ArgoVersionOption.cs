using System.CommandLine;
using ArgoFlow.Templates.Argo;

namespace ArgoFlow.Cli.Commands;

/// <summary>`--argo-version vX.Y[.Z]` of generate and lint: default the oldest Argo ArgoFlow supports.</summary>
internal static class ArgoVersionOption
{
    public const string Name = "--argo-version";

    public static Option<string> Create(string description) => new(Name)
    {
        Description = $"{description} Default {ArgoVersion.Oldest}, the oldest release ArgoFlow supports.",
        DefaultValueFactory = _ => ArgoVersion.Oldest.ToString(),
        HelpName = "vX.Y[.Z]",
    };

    public static ArgoVersion Read(ParseResult parse, Option<string> option) => ArgoVersion.Parse(parse.GetValue(option)!, Name);
}
