using System.Buffers.Binary;
using ArgoFlow.Services.Errors;

namespace ArgoFlow.Services.Imaging;

/// <summary>
/// Walks the chunks of a PNG after its signature, checking each one's length and CRC. A critical chunk (type
/// starting upper case) with a wrong CRC is refused, as libpng refuses it; an ancillary one is skipped, as libpng
/// warns and discards it (and IEND, whose CRC libpng checks as an ancillary chunk's, is taken).
/// </summary>
internal ref struct PngChunkReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _uri;
    private int _position = 8;

    public PngChunkReader(ReadOnlySpan<byte> data, string uri)
    {
        _data = data;
        _uri = uri;
    }

    /// <summary>A chunk: its type, data and the data's offset in the file.</summary>
    public readonly ref struct Chunk(string type, ReadOnlySpan<byte> data, int offset)
    {
        public string Type { get; } = type;

        public ReadOnlySpan<byte> Data { get; } = data;

        public int Offset { get; } = offset;
    }

    /// <summary>The next chunk whose CRC holds; false at the end of the data.</summary>
    public bool TryNext(out Chunk chunk)
    {
        while (_position < _data.Length)
        {
            var start = _position;
            if (_data.Length - start < 12)
            {
                throw StepException.Undecodable(_uri, $"the PNG data ends inside a chunk header at byte {start}");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(_data[start..]);
            var typeBytes = _data.Slice(start + 4, 4);
            var type = TypeName(typeBytes);
            if (length > int.MaxValue || length > (uint)(_data.Length - start - 12))
            {
                throw StepException.Undecodable(_uri, $"the {type} chunk at byte {start} claims {length} bytes, past the end of the data");
            }

            var data = _data.Slice(start + 8, (int)length);
            _position = start + 12 + (int)length;
            var crc = PngCrc.Finish(PngCrc.Update(PngCrc.Update(0xFFFFFFFF, typeBytes), data));
            // libpng checks IEND's CRC as an ancillary chunk's: a wrong one is no reason to refuse the image.
            if (crc == BinaryPrimitives.ReadUInt32BigEndian(_data[(start + 8 + (int)length)..]) || type == "IEND")
            {
                chunk = new Chunk(type, data, start + 8);
                return true;
            }

            if (char.IsAsciiLetterUpper(type[0]))
            {
                throw StepException.Undecodable(_uri, $"the {type} chunk at byte {start} has a wrong CRC (the data is corrupt)");
            }
        }

        chunk = default;
        return false;
    }

    private string TypeName(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                throw StepException.Undecodable(_uri, $"a chunk at byte {_position} has an invalid type (bytes {Convert.ToHexString(type)})");
            }
        }

        return string.Create(4, type.ToArray(), static (span, bytes) =>
        {
            for (var i = 0; i < 4; i++)
            {
                span[i] = (char)bytes[i];
            }
        });
    }
}
