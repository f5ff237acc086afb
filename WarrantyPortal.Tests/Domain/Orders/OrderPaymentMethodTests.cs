using WarrantyPortal.Domain.Orders;
using static WarrantyPortal.Tests.Domain.Orders.OrderFactory;

namespace WarrantyPortal.Tests.Domain.Orders;

public class OrderPaymentMethodTests
{
    [Fact]
    public void ChoosePaymentMethod_ApprovedOrder_LastChoiceShown()
    {
        var order = InStatus(OrderStatus.Approved);
        Assert.Null(order.PaymentMethod);

        Assert.True(order.ChoosePaymentMethod(PaymentMethod.Alipay));
        Assert.True(order.ChoosePaymentMethod(PaymentMethod.Card));

        Assert.Equal(PaymentMethod.Card, order.PaymentMethod);
    }

    [Theory]
    [InlineData(OrderStatus.Submitted)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    public void ChoosePaymentMethod_OrderNotPayable_Ignored(OrderStatus status)
    {
        var order = InStatus(status);

        Assert.False(order.ChoosePaymentMethod(PaymentMethod.Card));
        Assert.Null(order.PaymentMethod);
    }

    [Fact]
    public void MarkPaid_ByCard_LateChoiceOfAnotherMethodDoesNotRewriteIt()
    {
        var order = InStatus(OrderStatus.Approved);
        order.ChoosePaymentMethod(PaymentMethod.Alipay);
        order.MarkPaid(Admin, At, "paid", PaymentMethod.Card);

        Assert.False(order.ChoosePaymentMethod(PaymentMethod.EuBankTransfer));
        Assert.Equal(PaymentMethod.Card, order.PaymentMethod);
    }

    [Fact]
    public void MarkAwaitingTransfer_RecordsWireTransferAndPaymentKeepsIt()
    {
        var order = InStatus(OrderStatus.Approved);
        order.MarkAwaitingTransfer(Buyer, At);
        Assert.Equal(PaymentMethod.WireTransfer, order.PaymentMethod);

        order.MarkPaid(Admin, At, "Bank transfer");

        Assert.Equal(PaymentMethod.WireTransfer, order.PaymentMethod);
    }
}
