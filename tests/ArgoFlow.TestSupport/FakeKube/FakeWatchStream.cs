using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// One watch: newline-delimited JSON events (<c>{"type":"MODIFIED","object":{...}}</c>) flushed one by one.
/// Without a resourceVersion (or "0") it starts with ADDED for every current object; with one it replays what
/// changed after it, or sends an ERROR event with a 410 Expired Status when that version was compacted away.
/// </summary>
internal sealed class FakeWatchStream
{
    private readonly FakeWatches _watches;

    public FakeWatchStream(FakeWatches watches)
    {
        _watches = watches;
    }

    public static string? NameFromSelector(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return null;
        }

        const string prefix = "metadata.name=";
        return selector.StartsWith(prefix, StringComparison.Ordinal) ? selector[prefix.Length..] : null;
    }

    public async Task ServeAsync(HttpContext context, FakeRequestPath path, string? resourceVersion, string? fieldSelector)
    {
        var store = _watches.Store;
        var name = NameFromSelector(fieldSelector);
        long? from = null;
        if (!string.IsNullOrEmpty(resourceVersion) && resourceVersion != "0")
        {
            if (!long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await FakeKubeHandler.WriteAsync(context, 400, FakeStatus.Create(400, "BadRequest", $"invalid resource version \"{resourceVersion}\"")).ConfigureAwait(false);
                return;
            }

            from = parsed;
        }

        await _watches.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        var (gone, backlog, live, current) = store.Subscribe(from);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        _watches.Add(context);
        try
        {
            // As the API server does: headers go out at once, so a client's per-request timeout covers opening the
            // watch, never waiting for its first event.
            await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            if (gone)
            {
                await SendAsync(context, "ERROR", FakeStatus.Gone(resourceVersion!, current)).ConfigureAwait(false);
                return;
            }

            if (from is null)
            {
                foreach (var obj in store.List(path.Resource, path.Namespace).Where(o => Matches(o, name)))
                {
                    await SendAsync(context, "ADDED", obj).ConfigureAwait(false);
                }
            }

            foreach (var evt in backlog.Where(e => Matches(e, path, name)))
            {
                await SendAsync(context, evt.Type, evt.Body).ConfigureAwait(false);
            }

            await foreach (var evt in live.Reader.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                if ((from is null || evt.ResourceVersion > current) && Matches(evt, path, name))
                {
                    await SendAsync(context, evt.Type, evt.Body).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the test dropped the connection.
        }
        catch (IOException)
        {
        }
        finally
        {
            store.Unsubscribe(live);
            _watches.Remove(context);
        }
    }

    private static bool Matches(FakeEvent evt, FakeRequestPath path, string? name) =>
        evt.Resource == path.Resource && (path.AllNamespaces || evt.Namespace == path.Namespace) && (name is null || evt.Name == name);

    private static bool Matches(JsonObject obj, string? name) => name is null || (string?)obj["metadata"]?["name"] == name;

    private static async Task SendAsync(HttpContext context, string type, JsonObject obj)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
