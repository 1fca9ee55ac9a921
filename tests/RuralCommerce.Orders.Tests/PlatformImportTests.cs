using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Orders.Contracts;
using RuralCommerce.Orders.Persistence;

namespace RuralCommerce.Orders.Tests;

/// <summary>The 300 orders a host took on Douyin, imported from the platform's export so that stock and income stay true.</summary>
public sealed class PlatformImportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly OrdersKit _kit = new(factory);

    static PlatformImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_GB18030_export_imports_each_order_once_reports_every_row_and_credits_the_seller()
    {
        var (shop, seller, wine) = await _kit.ProductInStockAsync(10m);
        var code = await CodeAsync(wine.ProductId);
        var admin = new OrdersApi(shop.Cooperative.Admin.Http);
        var csv = Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n",
            "平台订单号,商品编码,数量,实付金额,省份,区县,支付时间",
            $"DY001,{code},2,80.00,湖北省,孝南区,2026-11-28 20:15:00",
            $"DY002,{code.ToLowerInvariant()},3,\"120.50\",湖北省,\"孝南区, 朱湖\",2026-11-28 20:16:30",
            $"DY001,{code},2,80.00,湖北省,孝南区,2026-11-28 20:15:00",
            "DY003,NO-SUCH,1,10.00,湖北省,孝南区,2026-11-28 20:17:00",
            $"DY004,{code},9,300.00,湖北省,孝南区,2026-11-28 20:18:00",
            $"DY005,{code},1.5,60.00,湖北省,孝南区,2026-11-28 20:19:00",
            $"DY006,{code},1,40.00,湖北省,孝南区,not a time",
            ""));

        var report = (await admin.Import(shop.CooperativeId, "Douyin", csv)).Body;

        Assert.Equal((2, 1, 1, 1, 2), (report.Imported, report.Duplicates, report.UnknownProducts, report.ShortOfStock, report.Invalid));
        Assert.Equal(
            ["Imported", "Imported", "Duplicate", "UnknownProduct", "ShortOfStock", "Invalid", "Invalid"],
            report.Rows.Select(r => r.Outcome));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], report.Rows.Select(r => r.Row));
        Assert.Equal((10_000L, 5_000L), await _kit.StockAsync(wine.ProductId));
        var completed = (await PublishedAsync<OrderCompletedIntegrationEvent>()).Single(e => e.OrderId == report.Rows[0].OrderId);
        Assert.Equal(("Imported", "Douyin", 8000L), (completed.Channel, completed.Platform, completed.TotalFen));
        Assert.Equal((seller.MemberId, 8000L), (completed.Sellers.Single().SellerId, completed.Sellers.Single().AmountFen));
        var imported = (await admin.CooperativeOrders(shop.CooperativeId, "?channel=Imported")).Body;
        Assert.Equal(2, imported.TotalCount);
        Assert.All(imported.Items, o => Assert.Equal(("Completed", "PaidOnPlatform"), (o.Status, o.PaymentMethod)));

        var again = (await admin.Import(shop.CooperativeId, "Douyin", csv)).Body;

        Assert.Equal((0, 3), (again.Imported, again.Duplicates));
        Assert.Equal(report.Rows[0].OrderId, again.Rows[0].OrderId);
        Assert.Equal((10_000L, 5_000L), await _kit.StockAsync(wine.ProductId));
        Assert.Equal(2, (await admin.CooperativeOrders(shop.CooperativeId, "?channel=Imported")).Body.TotalCount);
    }

    [Fact]
    public async Task A_UTF8_export_with_a_byte_order_mark_imports_and_a_file_in_no_known_encoding_changes_nothing()
    {
        var (shop, seller, wine) = await _kit.ProductInStockAsync(10m);
        var code = await CodeAsync(wine.ProductId);
        var admin = new OrdersApi(shop.Cooperative.Admin.Http);
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            $"platformOrderNumber,productCode,quantity,amountPaid,province,county,paidAt\nKS-9,{code},1,45.50,四川省,蒲江县,2026-11-28T12:00:00Z\n")).ToArray();

        Assert.Equal(1, (await admin.Import(shop.CooperativeId, "Kuaishou", utf8)).Body.Imported);

        var garbled = await admin.Import(shop.CooperativeId, "Kuaishou", [0xFF, 0xFF, 0xFE, 0x80, 0x2C, 0xFF]);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.Status);
        Assert.Contains("file", garbled.FieldErrors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Import(shop.CooperativeId, "", utf8)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await new OrdersApi(factory.ClientFor(seller.Session)).Import(shop.CooperativeId, "Kuaishou", utf8)).Status);
        Assert.Equal((10_000L, 1_000L), await _kit.StockAsync(wine.ProductId));
    }

    private async Task<string> CodeAsync(Guid productId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().SellableProducts.Where(p => p.Id == productId).Select(p => p.Code).SingleAsync();
    }

    private async Task<List<TEvent>> PublishedAsync<TEvent>()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var name = typeof(TEvent).FullName!;
        var payloads = await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.StartsWith(name + ",")).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!).ToList();
    }
}
