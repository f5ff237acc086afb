using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;

namespace WarrantyPortal.Benchmarks;

/// <summary>
/// The live objects of another .NET process by type (count and bytes), read from a heap dump the process writes of itself
/// (through its diagnostics port): objects reachable from the runtime's roots only, so garbage allocated since the last
/// collection does not count.
/// </summary>
internal sealed class HeapCensus
{
    private HeapCensus(Dictionary<string, (long Count, long Bytes)> byType, Dictionary<string, long> arrayLengths)
    {
        ByType = byType;
        ArrayLengths = arrayLengths;
    }

    public Dictionary<string, (long Count, long Bytes)> ByType { get; }

    /// <summary>Live render-tree frame arrays by length ("RenderTreeFrame[1024]" → count).</summary>
    public Dictionary<string, long> ArrayLengths { get; }

    public static HeapCensus Take(int processId)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"warrantyportal-census-{processId}-{Guid.NewGuid():N}.dmp");
        new DiagnosticsClient(processId).WriteDump(DumpType.WithHeap, dump);
        try
        {
            return Read(dump);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static HeapCensus Read(string dump)
    {
        using var target = DataTarget.LoadDump(dump);
        var clr = target.ClrVersions[0];
        // The runtime's own data-access library, beside it in the shared framework.
        var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so");
        using var runtime = File.Exists(dac) ? clr.CreateRuntime(dac, ignoreMismatch: true) : clr.CreateRuntime();
        var heap = runtime.Heap;
        var seen = new HashSet<ulong>();
        var stack = new Stack<ulong>();
        foreach (var root in heap.EnumerateRoots())
        {
            if (root.Object.Address != 0 && seen.Add(root.Object.Address)) stack.Push(root.Object.Address);
        }
        var byType = new Dictionary<string, (long Count, long Bytes)>();
        var arrayLengths = new Dictionary<string, long>();
        while (stack.Count > 0)
        {
            var obj = heap.GetObject(stack.Pop());
            if (!obj.IsValid) continue;
            var name = obj.Type?.Name ?? "?";
            var (count, bytes) = byType.GetValueOrDefault(name);
            byType[name] = (count + 1, bytes + (long)obj.Size);
            if (name.EndsWith("RenderTreeFrame[]", StringComparison.Ordinal))
            {
                var key = $"RenderTreeFrame[{obj.AsArray().Length}]";
                arrayLengths[key] = arrayLengths.GetValueOrDefault(key) + 1;
            }
            foreach (var child in obj.EnumerateReferenceAddresses(carefully: true, considerDependantHandles: true))
            {
                if (child != 0 && seen.Add(child)) stack.Push(child);
            }
        }
        return new HeapCensus(byType, arrayLengths);
    }

    /// <summary>The types that grew most from <paramref name="before"/> to <paramref name="after"/>, per unit (e.g. per circuit).</summary>
    public static void PrintGrowth(HeapCensus before, HeapCensus after, int units, int top)
    {
        var rows = after.ByType
            .Select(kv =>
            {
                var (c0, b0) = before.ByType.GetValueOrDefault(kv.Key);
                return (Type: kv.Key, Count: kv.Value.Count - c0, Bytes: kv.Value.Bytes - b0);
            })
            .OrderByDescending(r => r.Bytes)
            .ToList();
        var total = rows.Sum(r => r.Bytes);
        Console.WriteLine($"live objects grew by {total / 1024.0 / units:F0} KB per circuit; by type (per circuit: objects, KB):");
        foreach (var r in rows.Take(top))
        {
            Console.WriteLine($"  {r.Count / (double)units,8:F1} {r.Bytes / 1024.0 / units,8:F1} KB  {r.Type}");
        }
        Console.WriteLine("render-tree frame arrays by length (per circuit):");
        foreach (var (key, count) in after.ArrayLengths.OrderBy(kv => int.Parse(kv.Key[16..^1], System.Globalization.CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"  {(count - before.ArrayLengths.GetValueOrDefault(key)) / (double)units,8:F1}  {key}");
        }
    }
}
