using System.Globalization;
using Microsoft.Extensions.Localization;
using RuralCommerce.Orders.Domain.Orders;
using RuralCommerce.Shared.Infrastructure.Web.Pages;

namespace RuralCommerce.Orders.Features.Common;

/// <summary>The dates a shipment's card shows, the one its list is sorted by first: delivered ones by delivery, work by order.</summary>
internal static class ShipmentDates
{
    public static string Line(ShipmentTaskResponse task, IStringLocalizer<OrdersText> text)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(text);
        var placed = string.Format(CultureInfo.CurrentCulture, text["Shipments.PlacedOn"], Display.Time(task.PlacedAt));
        var step = task.Shipment.Status switch
        {
            nameof(ShipmentStatus.Delivered) => task.Shipment.DeliveredAt,
            nameof(ShipmentStatus.Dispatched) => task.Shipment.DispatchedAt,
            nameof(ShipmentStatus.Received) => task.Shipment.ReceivedAt,
            nameof(ShipmentStatus.Shipped) => task.Shipment.ShippedAt,
            nameof(ShipmentStatus.Packed) => task.Shipment.PackedAt,
            _ => null,
        };
        if (step is null)
        {
            return placed;
        }

        var stepLine = $"{text[$"Shipment.{task.Shipment.Status}"]} {Display.Time(step)}";
        return task.Shipment.Status == nameof(ShipmentStatus.Delivered) ? $"{stepLine} · {placed}" : $"{placed} · {stepLine}";
    }
}
