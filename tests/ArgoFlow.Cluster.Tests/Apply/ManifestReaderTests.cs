using ArgoFlow.Cluster.Apply;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Tests.Apply;

public sealed class ManifestReaderTests
{
    [Fact]
    public void QuotedScalarsStayStringsAndPlainOnesAreTyped()
    {
        var doc = Assert.Single(ManifestReader.Parse("x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"true\"\n  b: '10'\nspec:\n  n: 10\n  f: 1.5\n  t: true\n  z: ~\n"));

        Assert.Equal("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"true\",\"b\":\"10\"},\"spec\":{\"n\":10,\"f\":1.5,\"t\":true,\"z\":null}}",
            doc.Body.ToJsonString());
    }

    [Fact]
    public void EachDocumentKeepsItsStartingLine()
    {
        var docs = ManifestReader.Parse("x.yaml", "---\nkind: A\n---\n\n---\nkind: B\n");

        Assert.Equal([2, 6], docs.Select(d => d.Line));
    }

    [Fact]
    public void BrokenYamlIsAnInvalidInputWithFileAndLine()
    {
        var ex = Assert.Throws<ValidationException>(() => ManifestReader.Parse("bad.yaml", "a: b\n  c: d\n"));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.StartsWith("bad.yaml:2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeysAreRejected()
    {
        var ex = Assert.Throws<ValidationException>(() => ManifestReader.Parse("d.yaml", "kind: A\nkind: B\n"));

        Assert.Contains("Duplicate key", ex.Message, StringComparison.Ordinal);
    }
}
