namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// Where the project's image (the repository's <c>Dockerfile</c>) puts the executable. Container templates name it
/// by absolute path: Argo's emissary resolves <c>command[0]</c> with Go's <c>exec.LookPath</c>
/// (cmd/argoexec/commands/emissary.go upstream), which searches PATH only for a bare name, and the image keeps the
/// published build in <c>/app</c>, which is not on PATH. <c>DockerfileAgreementTests</c> holds this equal to the
/// Dockerfile's ENTRYPOINT.
/// </summary>
public static class ImageLayout
{
    public const string Executable = "/app/argoflow";
}
