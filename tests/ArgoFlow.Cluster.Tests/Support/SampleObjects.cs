using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Tests.Support;

/// <summary>Argo objects as the generator emits them, for seeding the fake server and the apply tests.</summary>
internal static class SampleObjects
{
    public static JsonObject Pipeline(string name, JsonObject parameter) => (JsonObject)JsonNode.Parse($$"""
        {
          "apiVersion": "argoproj.io/v1alpha1",
          "kind": "WorkflowTemplate",
          "metadata": { "name": "{{name}}", "namespace": "argo" },
          "spec": {
            "entrypoint": "main",
            "arguments": { "parameters": [ {{parameter.ToJsonString()}} ] },
            "templates": [
              { "name": "main", "dag": { "tasks": [
                { "name": "resize", "template": "resize" },
                { "name": "detect", "template": "detect", "depends": "resize" },
                { "name": "filter", "template": "filter", "depends": "detect" } ] } },
              { "name": "resize", "http": { "url": "http://argoflow-resize.argo.svc:8080/v1/resize", "method": "POST" } },
              { "name": "detect", "http": { "url": "http://argoflow-detect.argo.svc:8080/v1/detect", "method": "POST" } },
              { "name": "filter", "http": { "url": "http://argoflow-filter.argo.svc:8080/v1/filter", "method": "POST" } }
            ]
          }
        }
        """)!;

    public const string TemplateYaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: pipeline
        spec:
          entrypoint: main
          arguments:
            parameters:
              - name: input
                value: s3://images/in.jpg
          templates:
            - name: main
              dag:
                tasks:
                  - name: resize
                    template: resize
            - name: resize
              http:
                url: http://argoflow-resize.argo.svc:8080/v1/resize
                method: POST
                timeoutSeconds: 30
        """;

    public const string ServiceYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: argoflow-resize
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: argoflow-resize
          template:
            metadata:
              labels:
                app: argoflow-resize
            spec:
              containers:
                - name: resize
                  image: argoflow:0.1.0
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: argoflow-resize
        spec:
          selector:
            app: argoflow-resize
          ports:
            - name: grpc
              port: 9090
        """;

    public const string WorkflowYaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: hello-
        spec:
          entrypoint: main
          arguments:
            parameters:
              - name: input
                value: s3://images/a.jpg
          templates:
            - name: main
              http:
                url: http://argoflow-resize.argo.svc:8080/v1/resize
        """;
}
