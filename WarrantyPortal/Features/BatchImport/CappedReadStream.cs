namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// Counts the bytes inflated from a workbook part and stops the read when the part, or the workbook as a whole,
/// goes past its allowance: declared sizes in a zip can lie, the bytes actually produced cannot.
/// </summary>
internal sealed class CappedReadStream(Stream inner, long partLimit, InflateBudget budget) : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        BytesRead += n;
        budget.Spend(n);
        if (BytesRead > partLimit)
        {
            throw new ImportRefusedException(ImportProblemCode.SuspiciousArchive);
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The bytes one workbook may still inflate, across all its parts.</summary>
internal sealed class InflateBudget(long limit)
{
    private long _spent;

    public void Spend(long bytes)
    {
        _spent += bytes;
        if (_spent > limit)
        {
            throw new ImportRefusedException(ImportProblemCode.SuspiciousArchive);
        }
    }
}
