using WarrantyPortal.Benchmarks;

// The portal's benchmarks, one per area:
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- registry [devices] [folder]
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- documents [count]
//   dotnet run -c Release --project WarrantyPortal.Benchmarks -- orders [count] [folder] [runs per case]
var area = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (area)
{
    case "registry":
        await RegistryBenchmark.RunAsync(rest);
        break;
    case "orders":
        await OrdersBenchmark.RunAsync(rest);
        break;
    case "documents":
        DocumentsBenchmark.Run(rest);
        break;
    default:
        Console.WriteLine("usage: WarrantyPortal.Benchmarks registry [devices] [folder] | documents [count] | orders [count] [folder] [runs]");
        return 2;
}
return 0;
