using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using RuralCommerce.Shared.Infrastructure.Web;

namespace RuralCommerce.Host.OpenApi;

/// <summary>
/// An example for every JSON request body and every JSON success answer, built from its schema with the values of one
/// story: a mushroom cooperative in 雷山县 (Guizhou) selling dried shiitake by the 斤, its trainer's course on growing
/// mushrooms on corn cobs, and a rice-wine livestream. Each example keeps to its schema (lengths, ranges, names,
/// patterns), so the reference page teaches the API and a mock server answers sensibly.
/// </summary>
internal static class OpenApiExamples
{
    private const int MaxDepth = 12;

    /// <summary>Values by property, most specific first: "Schema.property", then "property".</summary>
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        // People and places
        ["name"] = "\"龙金花\"",
        ["Cooperative*.name"] = "\"雷山县控拜香菇种植专业合作社\"",
        ["*Product*.name"] = "\"控拜椴木干香菇\"",
        ["TraceProduct.name"] = "\"控拜椴木干香菇\"",
        ["LiveTallyProduct.name"] = "\"控拜椴木干香菇\"",
        ["*Centre*.name"] = "\"雷山县农村物流配送中心\"",
        ["TraceCooperative.name"] = "\"雷山县控拜香菇种植专业合作社\"",
        ["displayName"] = "\"龙金花\"",
        ["learnerName"] = "\"杨秀英\"",
        ["memberName"] = "\"吴志强\"",
        ["sellerName"] = "\"龙金花\"",
        ["hostName"] = "\"杨丽\"",
        ["trainerName"] = "\"王建华\"",
        ["recipient"] = "\"杨秀英\"",
        ["cooperativeName"] = "\"雷山县控拜香菇种植专业合作社\"",
        ["province"] = "\"贵州省\"",
        ["county"] = "\"雷山县\"",
        ["originCounty"] = "\"雷山县\"",
        ["township"] = "\"西江镇\"",
        ["village"] = "\"控拜村\"",
        ["originVillage"] = "\"控拜村\"",
        ["detail"] = "\"控拜村三组 12 号\"",
        ["address"] = "\"雷山县丹江镇城北物流园 2 号库\"",
        ["serviceCentre"] = "\"雷山县电子商务公共服务中心\"",
        ["place"] = "\"控拜村村委会院坝\"",
        ["phone"] = "\"+8613908551234\"",
        ["contactPhone"] = "\"+8613908551234\"",
        ["idCardNumber"] = "\"522634197803122020\"",
        ["creditCode"] = "\"93522634MA6DKQ8X23\"",
        ["weChatPaySubMerchantId"] = "\"1900000109\"",
        ["alipayMerchantId"] = "\"2088102177846880\"",
        ["password"] = "\"Xianggu-2026\"",
        ["currentPassword"] = "\"Xianggu-2026\"",
        ["newPassword"] = "\"Kongbai-0518\"",
        ["code"] = "\"XG-001\"",
        ["category"] = "\"DriedMushrooms\"",
        ["unit"] = "\"Jin\"",
        ["paymentMethod"] = "\"WeChatPay\"",
        ["platform"] = "\"Douyin\"",
        ["BatchResponse.code"] = "\"LS-2026-05-A\"",
        ["batchCode"] = "\"LS-2026-05-A\"",
        ["certificateCode"] = "\"ZS-2026-0042\"",
        ["language"] = "\"zh-CN\"",

        // Produce, stock and money (yuan)
        ["description"] = "\"控拜村椴木培育的花菇，自然晾晒，肉厚味香，一斤约 60 朵。\"",
        ["Course*.description"] = "\"用玉米芯代替木屑种香菇：六节短视频，从备料、装袋、接种到出菇采收。\"",
        ["listPrice"] = "68.00",
        ["livestreamPrice"] = "59.90",
        ["price"] = "59.90",
        ["unitPrice"] = "68.00",
        ["quantity"] = "2.5",
        ["lineTotal"] = "170.00",
        ["total"] = "170.00",
        ["cooperativeTotal"] = "170.00",
        ["cashCollected"] = "170.00",
        ["available"] = "120.5",
        ["stockOnHand"] = "120.5",
        ["delta"] = "50",
        ["quantityCap"] = "200",
        ["quantityProduced"] = "500",
        ["amount"] = "120.00",
        ["amountFen"] = "17000",
        ["annual"] = "36000.00",
        ["annualIncome"] = "36000.00",
        ["monthly"] = "3000.00",
        ["percent"] = "5",
        ["sharePrice"] = "100.00",
        ["gmv"] = "12860.50",
        ["units"] = "186",
        ["note"] = "\"雨季受潮，清点后报损\"",
        ["delistReason"] = "\"包装破损，暂停销售\"",
        ["carrier"] = "\"中国邮政\"",
        ["trackingNumber"] = "\"9876543210123\"",
        ["transactionId"] = "\"4200002026051812345678\"",
        ["platformOrderNumber"] = "\"DY2026051812345678\"",
        ["payoutReference"] = "\"农商银行转账 20260605-0012\"",
        ["reason"] = "\"收到时香菇受潮发霉\"",
        ["revocationReason"] = "\"考核时由他人代答\"",
        ["streamUrl"] = "\"https://live.douyin.com/615189692839\"",
        ["payUrl"] = "\"https://ruralcommerce.example/pay/dev/0193a5b2-7c4e-7d1a-9f3e-5b2c8d1e4a70\"",

        // Income
        ["income"] = "4200.00",
        ["gain"] = "1200.00",
        ["gainPercent"] = "40.0",
        ["commission"] = "8.50",
        ["gross"] = "170.00",
        ["netPayable"] = "3800.00",
        ["month"] = "\"2026-05\"",
        ["period"] = "\"2026\"",
        ["label"] = "\"10%–20%\"",

        // Training
        ["title"] = "\"玉米芯种香菇\"",
        ["courseTitle"] = "\"玉米芯种香菇\"",
        ["Lesson*.title"] = "\"第一课：玉米芯的处理与装袋\"",
        ["topic"] = "\"香菇种植\"",
        ["summary"] = "\"选用无霉变的玉米芯，粉碎后浸泡 24 小时再装袋。\"",
        ["text"] = "\"玉米芯要浸泡多长时间再装袋？\"",
        ["videoLink"] = "\"https://v.example.cn/xianggu/lesson-1.mp4\"",
        ["videoContentType"] = "\"video/mp4\"",
        ["capacity"] = "500",
        ["position"] = "1",
        ["durationSeconds"] = "180",
        ["videoBytes"] = "4500000",
        ["videoKilobitsPerSecond"] = "200",
        ["stallsOnSlowNetworks"] = "false",
        ["watchedSeconds"] = "150",
        ["durationMinutes"] = "90",
        ["correctOption"] = "1",
        ["option"] = "1",
        ["year"] = "2026",
        ["width"] = "800",
        ["height"] = "600",
        ["tokenType"] = "\"Bearer\"",
        ["accessToken"] = "\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTkzYTViMiJ9.c2lnbmF0dXJl\"",
        ["refreshToken"] = "\"q3Hh9m2LrX0pZ7vKcT5wYb8nE1sD4fGa\"",
    };

    /// <summary>Optional fields a request example leaves out: each is an alternative to another field the example fills.</summary>
    private static readonly HashSet<string> LeftOut = new(StringComparer.Ordinal)
    {
        "PlaceOrderRequest.addressId", "PlaceOrderRequest.livestreamId", "CheckoutRequest.addressId", "CheckoutRequest.livestreamId",
        "CreateProductRequest.netContent", "EditProductRequest.netContent",
    };

    public static void Apply(OpenApiDocument document)
    {
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body is { Example: null, Schema: { } schema })
            {
                body.Example = Build(document, schema, null, null, 0);
            }

            foreach (var (status, response) in operation.Responses ?? new Microsoft.OpenApi.OpenApiResponses())
            {
                if (status.StartsWith('2') && response.Content?.TryGetValue("application/json", out var answer) == true && answer is { Example: null, Schema: { } answerSchema })
                {
                    answer.Example = Build(document, answerSchema, null, null, 0);
                }
            }
        }
    }

    private static JsonNode? Build(OpenApiDocument document, IOpenApiSchema schema, string? owner, string? property, int depth)
    {
        if (schema is OpenApiSchemaReference reference && document.Components?.Schemas?.TryGetValue(reference.Reference.Id!, out var target) == true)
        {
            return Build(document, target, reference.Reference.Id, property, depth);
        }

        if (schema.OneOf?.FirstOrDefault(s => s.Type != JsonSchemaType.Null) is { } alternative)
        {
            return Build(document, alternative, owner, property, depth);
        }

        var type = (schema.Type ?? JsonSchemaType.Object) & ~JsonSchemaType.Null;
        if (depth > MaxDepth)
        {
            return null;
        }

        if (schema.Enum is { Count: > 0 } names)
        {
            return Known(owner, property) is JsonValue known && names.Any(n => n?.ToJsonString() == known.ToJsonString()) ? known : names[0]?.DeepClone();
        }

        return type switch
        {
            JsonSchemaType.Object => Object(document, schema, owner, depth),
            JsonSchemaType.Array => new JsonArray([.. Enumerable.Range(0, Math.Max(1, schema.MinItems ?? 1))
                .Select(_ => schema.Items is null ? null : Build(document, schema.Items, owner, property, depth + 1))]),
            JsonSchemaType.Boolean => Known(owner, property, JsonValueKind.True) ?? JsonValue.Create(true),
            JsonSchemaType.Integer or JsonSchemaType.Number => Number(schema, Known(owner, property, JsonValueKind.Number), type == JsonSchemaType.Integer),
            _ => Text(schema, Known(owner, property, JsonValueKind.String), property),
        };
    }

    private static JsonObject Object(OpenApiDocument document, IOpenApiSchema schema, string? owner, int depth)
    {
        var example = new JsonObject();
        if (schema.Properties is null or { Count: 0 } && schema.AdditionalProperties is { } values)
        {
            example["Seller"] = Build(document, values, owner, "Seller", depth + 1);
            return example;
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (LeftOut.Contains($"{owner}.{name}"))
            {
                continue;
            }

            example[name] = Build(document, property, owner, name, depth + 1);
        }

        return example;
    }

    /// <summary>The story's value for the property, when it is of the kind the schema wants.</summary>
    private static JsonNode? Known(string? owner, string? property, JsonValueKind kind)
    {
        var known = Known(owner, property);
        var actual = known?.GetValueKind();
        return actual == kind || (kind == JsonValueKind.True && actual == JsonValueKind.False) ? known : null;
    }

    private static JsonNode? Known(string? owner, string? property)
    {
        if (property is null)
        {
            return null;
        }

        var wildcard = Values.Keys.Where(k => k.StartsWith('*') || k.Contains("*.", StringComparison.Ordinal))
            .FirstOrDefault(k => k.EndsWith("." + property, StringComparison.Ordinal) && owner is not null && Regex.IsMatch(
                owner, "^" + Regex.Escape(k[..k.LastIndexOf('.')]).Replace("\\*", ".*", StringComparison.Ordinal) + "$"));
        var text = Values.GetValueOrDefault($"{owner}.{property}")
            ?? (wildcard is null ? null : Values[wildcard])
            ?? Values.GetValueOrDefault(property);
        return text is null ? null : JsonNode.Parse(text);
    }

    private static JsonNode Number(IOpenApiSchema schema, JsonNode? known, bool integer)
    {
        var value = known?.GetValue<decimal>() ?? (integer ? 3m : 100.00m);
        if (decimal.TryParse(schema.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum))
        {
            value = Math.Max(value, minimum);
        }

        if (decimal.TryParse(schema.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var maximum))
        {
            value = Math.Min(value, maximum);
        }

        return integer ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    private static JsonNode Text(IOpenApiSchema schema, JsonNode? known, string? property)
    {
        var value = schema.Format switch
        {
            "uuid" => Id(property ?? "id"),
            "date-time" => "2026-05-18T02:30:00+00:00",
            "date" => "2026-05-18",
            _ => known?.GetValue<string>() ?? Fallback(schema, property),
        };
        if (schema.Pattern is { } pattern && !Regex.IsMatch(value, pattern))
        {
            value = Fallback(schema, property);
        }

        if (schema.MaxLength is { } maxLength && value.Length > maxLength)
        {
            value = value[..maxLength];
        }

        return JsonValue.Create(value);
    }

    private static string Fallback(IOpenApiSchema schema, string? property) => schema.Pattern switch
    {
        ApiPatterns.Phone => "+8613908551234",
        ApiPatterns.OneTimeCode => "428913",
        ApiPatterns.IdCard => "522634197803122020",
        ApiPatterns.CreditCode => "93522634MA6DKQ8X23",
        _ when property?.EndsWith("Url", StringComparison.Ordinal) == true => $"https://ruralcommerce.example/{property}",
        _ when property?.EndsWith("Path", StringComparison.Ordinal) == true => $"/{property}",
        _ => "示例",
    };

    /// <summary>The same id for the same name everywhere in the document, so examples of related operations fit together.</summary>
    private static string Id(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return string.Create(CultureInfo.InvariantCulture, $"0193a5b2-7c4e-7{Convert.ToHexStringLower(hash, 0, 2)[1..]}-9{Convert.ToHexStringLower(hash, 2, 2)[1..]}-{Convert.ToHexStringLower(hash, 4, 6)}");
    }
}
