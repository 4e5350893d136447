using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cluster.Watch;

/// <summary>Receives what a watch sees: each new state of the workflow, and notices (reconnects, re-lists).</summary>
public interface IWatchObserver
{
    void OnUpdate(WorkflowSnapshot snapshot);

    void OnNotice(string message);
}
