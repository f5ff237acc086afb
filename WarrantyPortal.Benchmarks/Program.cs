using WarrantyPortal.Benchmarks;

// The portal's benchmarks, one per area:
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- registry [devices] [folder]
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- documents [count]
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- orders [count] [folder] [runs per case] [--fresh]
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- load http [clients] [seconds]
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- load circuits [circuits]     (WP_HEAP_CENSUS=1: live objects by type per circuit)
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- load writers [customers] [admins] [seconds]
var area = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
int Arg(int index, int fallback) => rest.Length > index && int.TryParse(rest[index], out var n) && n > 0 ? n : fallback;
switch (area, rest.FirstOrDefault())
{
    case ("registry", _):
        await RegistryBenchmark.RunAsync(rest);
        break;
    case ("orders", _):
        await OrdersBenchmark.RunAsync(rest);
        break;
    case ("documents", _):
        DocumentsBenchmark.Run(rest);
        break;
    case ("load", "http"):
        await HttpLoadBenchmark.RunAsync(Arg(1, 50), Arg(2, 20));
        break;
    case ("load", "circuits"):
        await CircuitsBenchmark.RunAsync(Arg(1, 100));
        break;
    case ("load", "writers"):
        await WritersBenchmark.RunAsync(Arg(1, 20), Arg(2, 5), Arg(3, 60));
        break;
    default:
        Console.WriteLine("usage: WarrantyPortal.Benchmarks registry [devices] [folder] | documents [count] | orders [count] [folder] [runs] | load http [clients] [seconds] | load circuits [circuits] | load writers [customers] [admins] [seconds]");
        return 2;
}
return 0;
