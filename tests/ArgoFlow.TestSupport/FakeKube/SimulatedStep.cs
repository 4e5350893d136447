namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>One step the simulated controller will run: its node name, display name, template and node type.</summary>
public sealed record SimulatedStep(string NodeName, string DisplayName, string TemplateName, string NodeType);
