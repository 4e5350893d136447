namespace ArgoFlow.Services.Models;

/// <summary>A model `argoflow models pull` knows: where it comes from, its digest, and its licence.</summary>
public sealed record KnownModel(string Name, string FileName, Uri Source, string Sha256, string Licence, string Origin)
{
    /// <summary>
    /// FastestDet (BSD-3-Clause) from its authors' repository at the commit ../shared/models/fastestdet/README.md
    /// names; the digest is the one recorded there.
    /// </summary>
    public static KnownModel FastestDet { get; } = new(
        "fastestdet",
        "FastestDet.onnx",
        new Uri("https://github.com/dog-qiuqiu/FastestDet/raw/50473cd/example/onnx-runtime/FastestDet.onnx"),
        "31cb14c017fce347cb4c846ec62fdf00d76bb3beecdf4be21e7116ac67feb880",
        "BSD-3-Clause",
        "FastestDet by xuehao.ma, https://github.com/dog-qiuqiu/FastestDet (example/onnx-runtime/FastestDet.onnx at commit 50473cd)");

    public static IReadOnlyList<KnownModel> All { get; } = [FastestDet];

    public static KnownModel? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
