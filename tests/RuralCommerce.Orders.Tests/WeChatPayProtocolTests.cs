using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RuralCommerce.Orders.Payments.WeChatPay;

namespace RuralCommerce.Orders.Tests;

/// <summary>
/// WeChat Pay API v3's signatures and sealed resources, checked against the published examples of WeChat Pay's own Go
/// SDK (wechatpay-apiv3/wechatpay-go: core/auth/signers, utils/aes_test.go, core/notify/notify_test.go): its test key,
/// the signature it expects, and a whole notification with the platform certificate that signed it.
/// </summary>
public sealed class WeChatPayProtocolTests
{
    // The SDK's test merchant key (PKCS #8) and, for the message "source", the signature it expects.
    private const string SdkTestKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDZUJN33V+dSfvd
        fL0Mu+39XrZNXFFMQSy1V15FpncHeV47SmV0TzTqZc7hHB0ddqAdDi8Z5k3TKqb7
        6sOwYr5TcAfuR6PIPaleyE0/0KrljBum2Isa2Nyq7Dgc3ElBQ6YN4l/a+DpvKaz1
        FSKmKrhLNskqokWVSlu4g8OlKlbPXQ9ibII14MZRQrrkTmHYHzfi7GXXM0thAKuR
        0HNvyhTHBh4/lrYM3GaMvmWwkwvsMavnOex6+eioZHBOb1/EIZ/LzC6zuHArPpyW
        3daGaZ1rtQB1vVzTyERAVVFsXXgBHvfFud3w3ShsJYk8JvMwK2RpJ5/gV0QSARcm
        LDRUAlPzAgMBAAECggEBAMc7rDeUaXiWv6bMGbZ3BTXpg1FhdddnWUnYE8HfX/km
        OFI7XtBHXcgYFpcjYz4D5787pcsk7ezPidAj58zqenuclmjKnUmT3pfbI5eCA2v4
        C9HnbYDrmUPK1ZcADtka4D6ScDccpNYNa1g2TFHzkIrEa6H+q7S3O2fqxY/DRVtN
        0JIXalBb8daaqL5QVzSmM2BMVnHy+YITJWIkP2a3pKs9C0W65JGDsnG0wVrHinHF
        +cnhFZIbaPEI//DAFMc9NkrWOKVRTEgcCUxCFaHOZVNxDWZD7A2ZfJB2rK6eg//y
        gEiFDR2h6mTaDowMB4YF2n2dsIO4/dCG8vPHI20jn4ECgYEA/ZGu6lEMlO0XZnam
        AZGtiNgLcCfM/C2ZERZE7QTRPZH1WdK92Al9ndldsswFw4baJrJLCmghjF/iG4zi
        hhBvLnOLksnZUfjdumxoHDWXo2QBWbI5QsWIE7AuTiWgWj1I7X4fCXSQf6i+M/y2
        6TogQ7d0ANpZFyOkTNMn/tiJvLECgYEA22XqlamG/yfAGWery5KNH2DGlTIyd6xJ
        WtJ9j3jU99lZ0bCQ5xhiBbU9ImxCi3zgTsoqLWgA/p00HhNFNoUcTl9ofc0G3zwT
        D1y0ZzcnVKxGJdZ6ohW52V0hJStAigtjYAsUgjm7//FH7PiQDBDP1Wa6xSRkDQU/
        aSbQxvEE8+MCgYEA3bb8krW7opyM0XL9RHH0oqsFlVO30Oit5lrqebS0oHl3Zsr2
        ZGgoBlWBsEzk3UqUhTFwm/DhJLTSJ/TQPRkxnhQ5/mewNhS9C7yua7wQkzVmWN+V
        YeUGTvDGDF6qDz12/vJAgSwDDRym8x4NcXD5tTw7mmNRcwIfL22SkysThIECgYAV
        BgccoEoXWS/HP2/u6fQr9ZIR6eV8Ij5FPbZacTG3LlS1Cz5XZra95UgebFFUHHtC
        EY1JHJY7z8SWvTH8r3Su7eWNaIAoFBGffzqqSVazfm6aYZsOvRY6BfqPHT3p/H1h
        Tq6AbBffxrcltgvXnCTORjHPglU0CjSxVs7awW3AEQKBgB5WtaC8VLROM7rkfVIq
        +RXqE5vtJfa3e3N7W3RqxKp4zHFAPfr82FK5CX2bppEaxY7SEZVvVInKDc5gKdG/
        jWNRBmvvftZhY59PILHO2X5vO4FXh7suEjy6VIh0gsnK36mmRboYIBGsNuDHjXLe
        BDa+8mDLkWu5nHEhOxy2JJZl
        -----END PRIVATE KEY-----
        """;

    private const string SdkExpectedSignature =
        "BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+pp4hAm6" +
        "pHU4ld815U4jsKu1RkyaII+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL536GLwvpUHlCqIMzoZUguLli/K8V29QiOh" +
        "uH6IEqLNJn8e9b3nwNcQ7be3CzYGpDAKBfDGPCqCv8Rw5zndhlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwf" +
        "LpUtJm4QYVazzW7DFD27EpSQEqA8bX9+8m1rLg==";

    // The SDK's notification example: the platform certificate (serial D7CE59D1F522D701), the headers and body it
    // signed at 1624523846, and the API v3 key that sealed its resource.
    private const string SdkPlatformCertificate = """
        -----BEGIN CERTIFICATE-----
        MIIDVzCCAj+gAwIBAgIJANfOWdH1ItcBMA0GCSqGSIb3DQEBCwUAMEIxCzAJBgNV
        BAYTAlhYMRUwEwYDVQQHDAxEZWZhdWx0IENpdHkxHDAaBgNVBAoME0RlZmF1bHQg
        Q29tcGFueSBMdGQwHhcNMjEwNDI3MDg1NTIzWhcNMzEwNDI1MDg1NTIzWjBCMQsw
        CQYDVQQGEwJYWDEVMBMGA1UEBwwMRGVmYXVsdCBDaXR5MRwwGgYDVQQKDBNEZWZh
        dWx0IENvbXBhbnkgTHRkMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA
        2VCTd91fnUn73Xy9DLvt/V62TVxRTEEstVdeRaZ3B3leO0pldE806mXO4RwdHXag
        HQ4vGeZN0yqm++rDsGK+U3AH7kejyD2pXshNP9Cq5YwbptiLGtjcquw4HNxJQUOm
        DeJf2vg6byms9RUipiq4SzbJKqJFlUpbuIPDpSpWz10PYmyCNeDGUUK65E5h2B83
        4uxl1zNLYQCrkdBzb8oUxwYeP5a2DNxmjL5lsJML7DGr5znsevnoqGRwTm9fxCGf
        y8wus7hwKz6clt3Whmmda7UAdb1c08hEQFVRbF14AR73xbnd8N0obCWJPCbzMCtk
        aSef4FdEEgEXJiw0VAJT8wIDAQABo1AwTjAdBgNVHQ4EFgQUT1c7nd/SUO76HSoZ
        umNUJv1R5PwwHwYDVR0jBBgwFoAUT1c7nd/SUO76HSoZumNUJv1R5PwwDAYDVR0T
        BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAfTjxKRQMzNB/U6ZoCUS+BSNfa2Oh
        0plMN6ZuzwiVVZwg1jywvv5yv04koS7Pd4i9E4gt9ZBUQXlpq+A3oOCEEHNRR6b2
        kyazGRM7s0OP5X21WrbpSmKmU6K7hkfx30yYs08LVs/Q8DIhvaj1FCFeJzUCzYn/
        fHMq4tsbKO0dKAeydPM/nrUZBmaYQVKMVOORGLFjFKVO7JV6Kq/R86ouhjEPgJOe
        2xulNBUcjicqtZlBdEh/PWCYP2SpGVDclKm8jeo175T3EVAkdKzzmfpxtMmnMlmq
        cTJOU9TxuGvNASMtjj7pYIerTx+xgZDXEVBWFW9PjJ0TV06tCRsgSHItgg==
        -----END CERTIFICATE-----
        """;

    private const string SdkNotificationSignature =
        "tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXF" +
        "lbYZTOQrVdG4b6LfTnK4mikv9++ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1I" +
        "BLX70xptjL8hrfUjEE8kkry6yNJTHZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY4" +
        "06ArAmQ90GAihDwIcb16TQMnzCMBoutnwZKNiKRACrFmtxw2Q==";

    private const string SdkNotificationCiphertext =
        "YDS3lKPaC4Y52Gf3uhft5qUBlIa8b428AWTtTauHQfQrRw+X1WpiuHIDy0vo1Vd6VEq67aVyqPdDYMkRVSDaZL3iZt" +
        "tevRMOoPKMifozg6XPWjIZumks/GpT48lI4NizyeaqLBokNebthah3o1H76qSlO9NkDjp9bzmKLEYYH9TEklFUpsvPqOTOcgSLgh21YJXYR" +
        "7dEBXFgRLiNIKRgO5JdXh1hccRUAlyVWxE54PXpnQ==";

    private static readonly string SdkNotificationBody =
        "{\"id\":\"3119dfba-e649-5eec-ab1e-3412bc4d2e17\",\"create_time\":\"2021-06-24T16:37:26+08:00\",\"resource_type\":\"encrypt-resource\"," +
        "\"event_type\":\"PAYSCORE.USER_OPEN_SERVICE\",\"summary\":\"签约成功\",\"resource\":{\"original_type\":\"payscore\"," +
        $"\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"{SdkNotificationCiphertext}\",\"associated_data\":\"payscore\",\"nonce\":\"Kj7QIyUiYx1q\"}}}}";

    [Fact]
    public void The_merchants_signature_is_the_one_WeChat_Pays_SDK_expects_and_the_authorization_header_carries_it()
    {
        using var key = RSA.Create();
        key.ImportFromPem(SdkTestKey);

        Assert.Equal(SdkExpectedSignature, Convert.ToBase64String(
            key.SignData(Encoding.UTF8.GetBytes("source"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));

        var header = WeChatPaySignature.Authorization(key, "1900000001", "F5765756002FDD77", "GET",
            "/v3/pay/partner/transactions/out-trade-no/RC1?sp_mchid=1900000001&sub_mchid=1900000109", "", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242");
        var signature = WeChatPaySignature.Sign(key, "GET",
            "/v3/pay/partner/transactions/out-trade-no/RC1?sp_mchid=1900000001&sub_mchid=1900000109", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", "");
        Assert.Equal(
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",timestamp=\"1554208460\",serial_no=\"F5765756002FDD77\",signature=\"{signature}\"",
            header);
        Assert.Matches("^[A-Z0-9]{32}$", WeChatPaySignature.Nonce());
    }

    [Fact]
    public void The_SDKs_notification_is_authentic_within_five_minutes_and_its_resource_opens_with_the_API_v3_key()
    {
        var keys = new Dictionary<string, RSA> { ["D7CE59D1F522D701"] = X509Certificate2.CreateFromPem(SdkPlatformCertificate).GetRSAPublicKey()! };
        var body = Encoding.UTF8.GetBytes(SdkNotificationBody);
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(1624523846);

        WeChatPayVerdict At(TimeSpan later, string? serial = "D7CE59D1F522D701", string timestamp = "1624523846", string? signature = SdkNotificationSignature, byte[]? sent = null) =>
            new WeChatPayPlatformKeys(keys, new FixedClock(signedAt + later)).Verify(serial, timestamp, "EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz", signature, sent ?? body);

        Assert.Equal(WeChatPayVerdict.Authentic, At(TimeSpan.Zero));
        Assert.Equal(WeChatPayVerdict.Authentic, At(TimeSpan.FromMinutes(4.9)));
        Assert.Equal(WeChatPayVerdict.Authentic, At(TimeSpan.FromMinutes(-4.9)));
        Assert.Equal(WeChatPayVerdict.Stale, At(TimeSpan.FromMinutes(5)));
        Assert.Equal(WeChatPayVerdict.Stale, At(TimeSpan.FromMinutes(-6)));
        Assert.Equal(WeChatPayVerdict.Forged, At(TimeSpan.Zero, timestamp: "1624523847"));
        Assert.Equal(WeChatPayVerdict.Forged, At(TimeSpan.Zero, sent: Encoding.UTF8.GetBytes(SdkNotificationBody.Replace("签约成功", "签约失败"))));
        Assert.Equal(WeChatPayVerdict.Forged, At(TimeSpan.Zero, signature: "not base64 at all"));
        Assert.Equal(WeChatPayVerdict.UnknownKey, At(TimeSpan.Zero, serial: "PUB_KEY_ID_0114232134912410000000000000"));
        Assert.Equal(WeChatPayVerdict.Unsigned, At(TimeSpan.Zero, serial: null));
        Assert.Equal(WeChatPayVerdict.Unsigned, At(TimeSpan.Zero, timestamp: "soon"));

        var apiV3Key = Encoding.UTF8.GetBytes("testMchAPIv3Key0");
        Assert.Equal(
            "{\"mchid\":\"1234567890\",\"appid\":\"054aa7d7a2a54ab5898df65bd96f001c\",\"create_time\":\"2020-06-30T12:12:00+08:00\",\"out_contract_code\":\"21640bdbd08e473e828f3206a2741c6e\"}",
            WeChatPayResource.Open(apiV3Key, "Kj7QIyUiYx1q", "payscore", SdkNotificationCiphertext));
        Assert.Null(WeChatPayResource.Open(apiV3Key, "Kj7QIyUiYx1q", "transaction", SdkNotificationCiphertext));
        Assert.Null(WeChatPayResource.Open(Encoding.UTF8.GetBytes("otherMchAPIv3Key"), "Kj7QIyUiYx1q", "payscore", SdkNotificationCiphertext));
        Assert.Null(WeChatPayResource.Open(apiV3Key, "Kj7QIyUiYx1q", "payscore", "SGVsbG8gV29ybGQK"));
        Assert.Null(WeChatPayResource.Open(apiV3Key, "short", "payscore", SdkNotificationCiphertext));
        Assert.Null(WeChatPayResource.Open(apiV3Key, "Kj7QIyUiYx1q", "payscore", "invalid cipher"));
    }

    [Fact]
    public void The_SDKs_sealed_hello_world_opens()
    {
        Assert.Equal("Hello World", WeChatPayResource.Open(Encoding.UTF8.GetBytes("testAPIv3Key0000"), "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
