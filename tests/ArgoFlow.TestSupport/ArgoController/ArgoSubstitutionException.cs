namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>A tag Argo could not substitute; the controller fails the node with this message, as Argo does.</summary>
public sealed class ArgoSubstitutionException(string message) : Exception(message);
