namespace WarrantyPortal.Domain.Registry;

public enum ProductFamily
{
    MicroInverter,
    StringInverter,
    HybridInverter,
    Battery,
    MonitoringGateway,
}
