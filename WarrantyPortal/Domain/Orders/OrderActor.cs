namespace WarrantyPortal.Domain.Orders;

public enum OrderActorKind
{
    Customer = 0,
    Admin = 1,
    System = 2,
}

/// <summary>Who made a change to an order, as the history records it.</summary>
public sealed record OrderActor(OrderActorKind Kind, string? UserId, string Name)
{
    public static OrderActor System { get; } = new(OrderActorKind.System, null, "System");

    public static OrderActor Customer(string userId, string name) => new(OrderActorKind.Customer, userId, name);

    public static OrderActor Admin(string userId, string name) => new(OrderActorKind.Admin, userId, name);
}
