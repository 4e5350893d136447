namespace ArgoFlow.Services.Imaging;

/// <summary>
/// The IDAT chunks' data as one stream for <see cref="System.IO.Compression.ZLibStream"/>, read in place from the
/// caller's pinned buffer (no copy of the compressed image). A read never crosses a chunk boundary, so zlib sees its
/// input in the pieces libpng feeds it (up to 8 KB of one chunk at a time); whether a broken Adler-32 at the end of
/// the stream is noticed while the last rows are read depends on that, as it does in libpng.
/// </summary>
internal sealed unsafe class PngIdatStream : Stream
{
    private readonly byte* _file;
    private readonly List<(int Offset, int Length)> _chunks;
    private int _chunk;
    private int _used;

    /// <param name="file">The PNG file, pinned for the lifetime of this stream.</param>
    /// <param name="chunks">Offset and length of each IDAT chunk's data.</param>
    public PngIdatStream(byte* file, List<(int Offset, int Length)> chunks)
    {
        _file = file;
        _chunks = chunks;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_chunk < _chunks.Count)
        {
            var (offset, length) = _chunks[_chunk];
            var left = length - _used;
            if (left == 0)
            {
                (_chunk, _used) = (_chunk + 1, 0);
                continue;
            }

            var n = Math.Min(left, buffer.Length);
            new ReadOnlySpan<byte>(_file + offset + _used, n).CopyTo(buffer);
            _used += n;
            return n;
        }

        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
