using System.Buffers.Binary;

namespace WarrantyPortal.Features.Documents;

/// <summary>
/// Empties every glyph outline a document does not use, keeping glyph numbers, character map and metrics as they are.
/// Skia embeds fonts whole, so a name in Chinese would otherwise carry the entire 4 MB CJK font into each PDF.
/// </summary>
internal static class TrueTypeSubset
{
    // Vertical metrics, signatures and the layout tables a renderer without a shaper never reads.
    private static readonly HashSet<string> Dropped = ["vhea", "vmtx", "DSIG", "GDEF", "GPOS", "GSUB", "FFTM"];

    public static byte[] KeepGlyphs(byte[] font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp))
        {
            throw new InvalidOperationException("Only TrueType-outline fonts (with glyf and loca tables) can be subset.");
        }

        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxp.Offset + 4));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
        uint GlyphOffset(int glyph) => longOffsets
            ? BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca.Offset + glyph * 4))
            : BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca.Offset + glyph * 2)) * 2u;

        // Glyph 0 (.notdef) and every component of a kept composite glyph stay.
        var keep = new HashSet<int> { 0 };
        var pending = new Stack<int>(glyphs.Select(g => (int)g).Where(g => g > 0 && g < numGlyphs));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (!keep.Add(glyph))
            {
                continue;
            }
            var start = GlyphOffset(glyph);
            var end = GlyphOffset(glyph + 1);
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(glyf.Offset + (int)start)) >= 0)
            {
                continue;
            }
            foreach (var component in Components(font.AsSpan(glyf.Offset + (int)start + 10, (int)(end - start - 10))))
            {
                if (component < numGlyphs && !keep.Contains(component))
                {
                    pending.Push(component);
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(numGlyphs + 1) * 4];
        for (var glyph = 0; glyph < numGlyphs; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyph * 4), (uint)newGlyf.Length);
            if (keep.Contains(glyph))
            {
                var start = GlyphOffset(glyph);
                var length = (int)(GlyphOffset(glyph + 1) - start);
                newGlyf.Write(font, glyf.Offset + (int)start, length);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(numGlyphs * 4), (uint)newGlyf.Length);

        var newHead = font.AsSpan(head.Offset, head.Length).ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // long loca offsets
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);   // checksum adjustment, recomputed below

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, table) in tables)
        {
            if (Dropped.Contains(tag))
            {
                continue;
            }
            output[tag] = tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => newHead,
                "post" => PostWithoutGlyphNames(font.AsSpan(table.Offset, table.Length)),
                _ => font.AsSpan(table.Offset, table.Length).ToArray(),
            };
        }
        return Write(font, output);
    }

    /// <summary>A version 3 'post' table: the same metrics without glyph names (half a megabyte in some CJK fonts).</summary>
    private static byte[] PostWithoutGlyphNames(ReadOnlySpan<byte> post)
    {
        var result = post[..Math.Min(32, post.Length)].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(result, 0x00030000);
        return result;
    }

    private static IEnumerable<int> Components(ReadOnlySpan<byte> data)
    {
        const ushort ArgsAreWords = 0x0001, HasScale = 0x0008, MoreComponents = 0x0020, HasXyScale = 0x0040, HasTwoByTwo = 0x0080;
        var result = new List<int>();
        var at = 0;
        ushort flags;
        do
        {
            if (at + 4 > data.Length)
            {
                break;
            }
            flags = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HasScale) != 0 ? 2 : (flags & HasXyScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);
        return result;
    }

    private readonly record struct TableEntry(int Offset, int Length);

    private static Dictionary<string, TableEntry> ReadTables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, TableEntry>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + i * 16, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = new TableEntry((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        return tables;
    }

    private static byte[] Write(byte[] original, SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        var headerLength = 12 + count * 16;
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var output = new byte[total];

        original.AsSpan(0, 4).CopyTo(output); // sfnt version
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(10), (ushort)(count * 16 - searchRange));

        var offset = headerLength;
        var index = 0;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            var record = output.AsSpan(12 + index++ * 16, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(output, offset);
            if (tag == "head")
            {
                headOffset = offset;
            }
            offset += (data.Length + 3) & ~3;
        }
        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(output));
        }
        return output;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        var full = data.Length & ~3;
        for (var i = 0; i < full; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i));
        }
        if (full < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data.AsSpan(full).CopyTo(last);
            sum += BinaryPrimitives.ReadUInt32BigEndian(last);
        }
        return sum;
    }
}
