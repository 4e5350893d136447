namespace ArgoFlow.Services.Storage;

/// <summary>
/// The path a name really leads to, like POSIX <c>realpath</c>: every symbolic link on the way is followed, at
/// any depth and through links to links, and "." and ".." are applied to the real folder reached so far. The part
/// of the path that does not exist yet is appended as written. A check of only the last component, or of each
/// component's own link target, misses <c>sneaky -&gt; linkout/sub</c> where <c>linkout</c> leads out.
/// </summary>
public static class RealPath
{
    /// <summary>Linux's own limit on links followed in one lookup (ELOOP after 40).</summary>
    private const int MaxLinks = 40;

    /// <summary>Resolves an absolute path; throws <see cref="IOException"/> on a link loop.</summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Not Path.GetFullPath for an absolute path: it folds "link/.." lexically, where the kernel goes to the link
        // target's parent.
        var pending = new Stack<string>(Segments(Path.IsPathRooted(path) ? path : Path.GetFullPath(path)).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment is "." or "")
            {
                continue;
            }

            if (segment == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Join(resolved) + "/" + segment;
            FileSystemInfo info = new FileInfo(candidate);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many levels of symbolic links at {candidate}");
                }

                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }

                foreach (var part in Segments(target).Reverse())
                {
                    pending.Push(part);
                }

                continue;
            }

            resolved.Add(segment);
            if (!info.Exists && !Directory.Exists(candidate))
            {
                // Nothing further exists, so nothing further can be a link: the rest is taken as written.
                while (pending.TryPop(out var rest))
                {
                    if (rest == "..")
                    {
                        resolved.RemoveAt(resolved.Count - 1);
                    }
                    else if (rest is not ("." or ""))
                    {
                        resolved.Add(rest);
                    }
                }
            }
        }

        return resolved.Count == 0 ? "/" : Join(resolved);
    }

    /// <summary>True when <paramref name="real"/> is <paramref name="root"/> or below it (both real paths).</summary>
    public static bool IsInside(string real, string root)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(root);
        return real == root || real.StartsWith(root == "/" ? root : root + "/", StringComparison.Ordinal);
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(List<string> segments) => segments.Count == 0 ? string.Empty : "/" + string.Join('/', segments);
}
