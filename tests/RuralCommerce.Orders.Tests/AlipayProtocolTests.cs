using System.Security.Cryptography;
using System.Text;
using RuralCommerce.Orders.Payments.Alipay;

namespace RuralCommerce.Orders.Tests;

/// <summary>
/// Alipay's RSA2 signatures, checked against the examples published with Alipay's own .NET SDK
/// (alipay/alipay-sdk-net-all, v2/UnitTestNetCore/Util/AlipaySignatureTest.cs): which part of an answer is signed, with
/// braces, quotes and escapes inside keys and values, spaces between tokens, and an encrypted answer.
/// </summary>
public sealed class AlipayProtocolTests
{
    private const string Sign = "TS355N0QjK1r9GyD4YOsG5esszSUhESgwu1q5+e1sWwqtPYe30CQ3v0QTEDdxYN9vm2No8V1KzuTSadrA4SZSkEkRchrcdVHCU8rCXOHWzS5wof8jg5S75y481kj3HqlpTaz";

    [Theory]
    [InlineData("{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"20150320010101001\",\"trade_no\":\"2019062322001446881000041395\"}")]
    [InlineData("{\"code\":\"10000\",\"msg\":\"Success\",\"nested\":{\"a\":1,\"b\":\"2\",\"array\":[\"1\",\"2\",\"3\"]},\"out_trade_no\":\"201{5}0320010101001{}\",\"trade_no\":\"2019062322001446881000041395\"}")]
    [InlineData("{\"co{de\":\"100}00\",\"ms}g\":\"Suc}cess\",\"ne{sted\":{\"a\":1,\"b\":\"2\",\"array\":[\"{1\",\"2\",\"3\"]},\"{out_{trade}_{no}\":\"201{5}0320010101001{}\",\"trade_no}\":\"2019062{322001446881000041395\"}")]
    [InlineData("{\"co{de\":\"100}00\",\"ms}g\":\"Suc\\\"}cess\",\"ne{sted\":{\"a\":1,\"b\":\"2\",\"array\":[\"\\\"{1\",\"2\",\"3\"]},\"{out_{trade}_{no}\":\"201{5\\\"}0320010101001{}\",\"trade_no}\":\"20\\\"19062{322001446881000041395\"}")]
    [InlineData("{\"code\":\"10000\\\\\",         \"msg\": \"Success\",         \"\\\\out_trade_no\\\\\": \"\\\\\\\\20150320010101001\\\\\\\\\",         \"trade_no\": \"2019062322001446881000041395\"     }")]
    [InlineData("\"eyJjb2RlIjoiMTAwMDAiLCJtc2ciOiJTdWNjZXNzIiwib3V0X3RyYWRlX25vIjoiMjAxNTAzMjAwMTAxMDEwMDEiLCJ0cmFkZV9ubyI6IjIwMTkwNjIzMjIwMDE0NDY4ODEwMDAwNDEzOTUifQ==\"")]
    public void The_signed_part_of_an_answer_is_its_response_member_exactly_as_sent(string signed)
    {
        foreach (var answer in new[] { $"{{\"alipay_trade_create_response\":{signed},\"sign\":\"{Sign}\"}}", $"{{\"alipay_trade_create_response\"      :      {signed},     \"sign\": \"{Sign}\" }}" })
        {
            var (content, sign) = AlipaySignature.SignedPart(Encoding.UTF8.GetBytes(answer), "alipay_trade_create_response");

            Assert.Equal(signed, Encoding.UTF8.GetString(content!));
            Assert.Equal(Sign, sign);
        }
    }

    [Fact]
    public void An_error_answer_is_signed_the_same_way_and_what_is_not_json_has_no_signed_part()
    {
        var (content, sign) = AlipaySignature.SignedPart(Encoding.UTF8.GetBytes("{\"error_response\":{\"code\":\"40002\",\"sub_code\":\"isv.invalid-signature\"},\"sign\":\"x\"}"), "alipay_trade_query_response");
        Assert.Equal(("{\"code\":\"40002\",\"sub_code\":\"isv.invalid-signature\"}", "x"), (Encoding.UTF8.GetString(content!), sign));
        Assert.Equal((null, null), AlipaySignature.SignedPart(Encoding.UTF8.GetBytes("<html>502</html>"), "alipay_trade_query_response"));
    }

    [Fact]
    public void Parameters_are_signed_sorted_without_empty_ones_and_a_notification_verifies_without_sign_and_sign_type()
    {
        Assert.Equal("app_id=2014072300007148&biz_content={\"a\":1}&charset=utf-8&method=alipay.trade.query",
            AlipaySignature.Content(new Dictionary<string, string> { ["method"] = "alipay.trade.query", ["charset"] = "utf-8", ["app_auth_token"] = "", ["biz_content"] = "{\"a\":1}", ["app_id"] = "2014072300007148" }));
        Assert.Equal("B=1&a=2&测试Key1=测试Value1", AlipaySignature.Content(new Dictionary<string, string> { ["a"] = "2", ["测试Key1"] = "测试Value1", ["B"] = "1" }));

        using var alipay = RSA.Create(2048);
        var notification = new Dictionary<string, string>
        {
            ["notify_id"] = "ac05099524730693a8b330c5ecf72da9786",
            ["trade_no"] = "2026120822001446881000041395",
            ["out_trade_no"] = "0193a6f4c2d87e5b8a1c3d9e0f2a4b6c",
            ["trade_status"] = "TRADE_SUCCESS",
            ["total_amount"] = "136.00",
            ["auth_app_id"] = "2021000000000001",
            ["charset"] = "utf-8",
        };
        notification["sign"] = AlipaySignature.Sign(alipay, AlipaySignature.Content(notification));
        notification["sign_type"] = "RSA2";

        Assert.True(AlipaySignature.IsAlipays(alipay, notification));
        Assert.False(AlipaySignature.IsAlipays(alipay, new Dictionary<string, string>(notification) { ["total_amount"] = "0.01" }));
        Assert.False(AlipaySignature.IsAlipays(alipay, new Dictionary<string, string>(notification) { ["sign"] = "not a signature" }));
        using var stranger = RSA.Create(2048);
        Assert.False(AlipaySignature.IsAlipays(stranger, notification));
    }
}
