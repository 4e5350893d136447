using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// The fake server's etcd: objects by resource/namespace/name, one resourceVersion counter for all of them, and a
/// history of changes that watches replay. <see cref="Compact"/> forgets history, so an old resourceVersion gets
/// 410 Gone like on a real server.
/// </summary>
public sealed class FakeKubeStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Resource, string Ns, string Name), JsonObject> _objects = [];
    private readonly List<FakeEvent> _history = [];
    private readonly List<Channel<FakeEvent>> _subscribers = [];
    private readonly TimeProvider _time;
    private long _version = 100;
    private long _compactedThrough;

    public FakeKubeStore(TimeProvider time)
    {
        _time = time;
    }

    public long CurrentVersion
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    public JsonObject? Get(FakeResource resource, string? ns, string name)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault(Key(resource, ns, name))?.DeepClone().AsObject();
        }
    }

    public IReadOnlyList<JsonObject> List(FakeResource resource, string? ns)
    {
        lock (_lock)
        {
            return _objects.Where(kv => kv.Key.Resource == resource.Qualified && (ns is null || kv.Key.Ns == ns))
                .OrderBy(kv => kv.Key.Name, StringComparer.Ordinal)
                .Select(kv => kv.Value.DeepClone().AsObject())
                .ToList();
        }
    }

    public bool Exists(FakeResource resource, string? ns, string name)
    {
        lock (_lock)
        {
            return _objects.ContainsKey(Key(resource, ns, name));
        }
    }

    /// <summary>Stores a new object (the caller checked it does not exist), setting uid, version and timestamps.</summary>
    public JsonObject Add(FakeResource resource, string? ns, JsonObject obj)
    {
        lock (_lock)
        {
            var metadata = obj["metadata"]!.AsObject();
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            metadata["generation"] = 1L;
            return Record(resource, ns, obj, "ADDED");
        }
    }

    /// <summary>Replaces an object; returns null when <paramref name="expectedVersion"/> is stale (a 409).</summary>
    public JsonObject? Replace(FakeResource resource, string? ns, JsonObject obj, string? expectedVersion)
    {
        lock (_lock)
        {
            var name = (string)obj["metadata"]!["name"]!;
            var existing = _objects[Key(resource, ns, name)];
            var liveVersion = (string?)existing["metadata"]!["resourceVersion"];
            if (expectedVersion is not null && expectedVersion != liveVersion)
            {
                return null;
            }

            var metadata = obj["metadata"]!.AsObject();
            foreach (var kept in new[] { "uid", "creationTimestamp", "generateName" })
            {
                metadata[kept] = existing["metadata"]![kept]?.DeepClone();
            }

            var generation = (long?)existing["metadata"]!["generation"] ?? 1;
            var specChanged = !JsonNode.DeepEquals(existing["spec"], obj["spec"]);
            metadata["generation"] = specChanged ? generation + 1 : generation;
            return Record(resource, ns, obj, "MODIFIED");
        }
    }

    /// <summary>
    /// Changes an object atomically: <paramref name="change"/> gets a copy of the stored object and returns the new
    /// one, or null to refuse (then nothing changes). Null also when the object does not exist. A change that
    /// changes nothing keeps the resourceVersion and sends no watch event, like the real server.
    /// </summary>
    public JsonObject? Patch(FakeResource resource, string? ns, string name, Func<JsonObject, JsonObject?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (!_objects.TryGetValue(Key(resource, ns, name), out var existing))
            {
                return null;
            }

            var next = change(existing.DeepClone().AsObject());
            if (next is null)
            {
                return null;
            }

            var metadata = next["metadata"]!.AsObject();
            foreach (var kept in new[] { "uid", "creationTimestamp", "generation", "resourceVersion" })
            {
                metadata[kept] = existing["metadata"]![kept]?.DeepClone();
            }

            if (JsonNode.DeepEquals(existing, next))
            {
                return next;
            }

            var generation = (long?)existing["metadata"]!["generation"] ?? 1;
            metadata["generation"] = JsonNode.DeepEquals(existing["spec"], next["spec"]) ? generation : generation + 1;
            return Record(resource, ns, next, "MODIFIED");
        }
    }

    /// <summary>Changes a stored object in place (the simulated controller's status updates).</summary>
    public JsonObject Update(FakeResource resource, string? ns, string name, Action<JsonObject> change)
    {
        lock (_lock)
        {
            var obj = _objects[Key(resource, ns, name)].DeepClone().AsObject();
            change(obj);
            return Record(resource, ns, obj, "MODIFIED");
        }
    }

    public bool Delete(FakeResource resource, string? ns, string name)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(Key(resource, ns, name), out var obj))
            {
                return false;
            }

            _objects.Remove(Key(resource, ns, name));
            _version++;
            var deleted = obj.DeepClone().AsObject();
            deleted["metadata"]!["resourceVersion"] = _version.ToString(CultureInfo.InvariantCulture);
            Publish(new FakeEvent(_version, resource, ns, "DELETED", deleted));
            return true;
        }
    }

    /// <summary>Forgets all history up to now: watches from an older resourceVersion get 410 Gone.</summary>
    public void Compact()
    {
        lock (_lock)
        {
            _compactedThrough = _version;
            _history.Clear();
        }
    }

    /// <summary>
    /// Starts a watch atomically: the events after <paramref name="fromVersion"/> (null: none, the caller lists) and
    /// a channel of later ones. Returns Gone=true when that version was compacted away.
    /// </summary>
    public (bool Gone, IReadOnlyList<FakeEvent> Backlog, Channel<FakeEvent> Live, long Current) Subscribe(long? fromVersion)
    {
        lock (_lock)
        {
            if (fromVersion is { } from && from < _compactedThrough)
            {
                return (true, [], Channel.CreateUnbounded<FakeEvent>(), _version);
            }

            var backlog = fromVersion is { } v ? _history.Where(e => e.ResourceVersion > v).ToList() : [];
            var channel = Channel.CreateUnbounded<FakeEvent>();
            _subscribers.Add(channel);
            return (false, backlog, channel, _version);
        }
    }

    public void Unsubscribe(Channel<FakeEvent> channel)
    {
        lock (_lock)
        {
            _subscribers.Remove(channel);
        }
    }

    private JsonObject Record(FakeResource resource, string? ns, JsonObject obj, string type)
    {
        _version++;
        obj["metadata"]!["resourceVersion"] = _version.ToString(CultureInfo.InvariantCulture);
        var name = (string)obj["metadata"]!["name"]!;
        _objects[Key(resource, ns, name)] = obj;
        Publish(new FakeEvent(_version, resource, ns, type, obj.DeepClone().AsObject()));
        return obj.DeepClone().AsObject();
    }

    private void Publish(FakeEvent evt)
    {
        _history.Add(evt);
        foreach (var subscriber in _subscribers)
        {
            subscriber.Writer.TryWrite(evt);
        }
    }

    private static (string, string, string) Key(FakeResource resource, string? ns, string name) => (resource.Qualified, ns ?? "", name);
}
