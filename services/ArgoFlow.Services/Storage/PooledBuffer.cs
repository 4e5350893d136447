using System.Buffers;

namespace ArgoFlow.Services.Storage;

/// <summary>
/// Bytes read from a store into an array rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns it.
/// The hot path reads each object once into one of these and decodes straight from it (no second copy).
/// </summary>
public sealed class PooledBuffer : IDisposable
{
    private byte[]? _array;

    public PooledBuffer(int capacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    private byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    /// <summary>Copies a stream to the end, growing the rented array; fails once more than maxBytes arrive.</summary>
    public async Task FillAsync(Stream source, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (true)
        {
            var read = await source.ReadAsync(NextSlice(maxBytes, tooLarge), cancellationToken);
            if (!Advance(read, maxBytes, tooLarge))
            {
                return;
            }
        }
    }

    /// <summary>
    /// <see cref="FillAsync"/> for a local file: reads in place on the calling thread (a read from the page cache
    /// takes less time than handing it to another thread and back).
    /// </summary>
    public void Fill(Stream source, long maxBytes, Func<Exception> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (Advance(source.Read(NextSlice(maxBytes, tooLarge).Span), maxBytes, tooLarge))
        {
        }
    }

    /// <summary>The free space to read into next, grown when full.</summary>
    private Memory<byte> NextSlice(long maxBytes, Func<Exception> tooLarge)
    {
        if (Length == Array.Length)
        {
            if (Length >= maxBytes + 1)
            {
                throw tooLarge();
            }

            Grow((int)Math.Min((long)Array.Length * 2, maxBytes + 1));
        }

        return Array.AsMemory(Length, (int)Math.Min(Array.Length - Length, maxBytes + 1 - Length));
    }

    /// <summary>Counts what was read; false at the end of the stream.</summary>
    private bool Advance(int read, long maxBytes, Func<Exception> tooLarge)
    {
        if (read == 0)
        {
            return false;
        }

        Length += read;
        return Length <= maxBytes ? true : throw tooLarge();
    }

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow(int capacity)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(capacity);
        Array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(Array);
        _array = bigger;
    }
}
