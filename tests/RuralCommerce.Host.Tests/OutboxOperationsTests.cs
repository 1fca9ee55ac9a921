using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuralCommerce.Shared.Infrastructure.Outbox;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Host.Tests;

public sealed class OutboxOperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly Uri Parked = new(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.ParkedMessages) + "?pageSize=100", UriKind.Relative);

    [Fact]
    public async Task A_parked_message_is_listed_and_replayed_once_the_subscriber_is_mended()
    {
        var admin = factory.CreateAdminClient();
        factory.Probe.Broken = true;
        var deliveredBefore = factory.Probe.Deliveries;

        var id = await factory.PublishAsync("Cooperatives", new ProbeIntegrationEvent("first livestream order"));

        JsonElement parked = default;
        await Eventually.HoldsAsync(
            async () => (parked = await FindParkedAsync(admin, id)).ValueKind == JsonValueKind.Object,
            "the failing message was parked");
        Assert.Equal("Cooperatives", parked.GetProperty("module").GetString());
        Assert.Contains("Probe subscriber is broken", parked.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains(nameof(ProbeIntegrationEvent), parked.GetProperty("type").GetString(), StringComparison.Ordinal);

        factory.Probe.Broken = false;
        var replay = await admin.PostAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.Replay, id), UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.HoldsAsync(() => factory.Probe.Deliveries == deliveredBefore + 1, "the replayed message was delivered");
        Assert.Equal(JsonValueKind.Undefined, (await FindParkedAsync(admin, id)).ValueKind);

        var again = await admin.PostAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.Replay, id), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_parked_message_holds_back_only_the_later_messages_of_its_partition_until_it_is_replayed()
    {
        var admin = factory.CreateAdminClient();
        var partition = $"member:{Guid.CreateVersion7()}";
        var joined = $"joined {partition}";
        factory.Probe.Poison[joined] = true;

        var id = await factory.PublishAsync("Cooperatives", new ProbeIntegrationEvent(joined, partition));
        var parked = default(JsonElement);
        await Eventually.HoldsAsync(async () => (parked = await FindParkedAsync(admin, id)).ValueKind == JsonValueKind.Object, "the first message was parked");
        await factory.PublishAsync("Cooperatives", new ProbeIntegrationEvent($"role granted {partition}", partition));
        await factory.PublishAsync("Cooperatives", new ProbeIntegrationEvent($"suspended {partition}", partition));
        await factory.PublishAsync("Cooperatives", new ProbeIntegrationEvent($"another member {partition}", $"{partition}-other"));

        await Eventually.HoldsAsync(() => factory.Probe.Delivered.Contains($"another member {partition}"), "the other partition flowed");
        Assert.Equal(partition, parked.GetProperty("partitionKey").GetString());
        Assert.Equal(2, (await FindParkedAsync(admin, id)).GetProperty("heldBack").GetInt32());
        Assert.DoesNotContain(factory.Probe.Delivered, note => note.EndsWith(partition, StringComparison.Ordinal) && !note.StartsWith("another", StringComparison.Ordinal));

        factory.Probe.Poison.TryRemove(joined, out _);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.Replay, id), UriKind.Relative), null)).StatusCode);

        await Eventually.HoldsAsync(() => factory.Probe.Delivered.Contains($"suspended {partition}"), "the held messages followed");
        Assert.Equal(
            [joined, $"role granted {partition}", $"suspended {partition}"],
            factory.Probe.Delivered.Where(note => note.EndsWith(partition, StringComparison.Ordinal) && !note.StartsWith("another", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Replaying_an_unknown_message_is_not_found()
    {
        var response = await factory.CreateAdminClient()
            .PostAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.Replay, Guid.CreateVersion7()), UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Outbox message not found.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Paging_outside_its_bounds_is_a_validation_problem()
    {
        var response = await factory.CreateAdminClient()
            .GetAsync(new Uri(OutboxOperationsEndpoints.Url(OutboxOperationsEndpoints.ParkedMessages) + "?page=0&pageSize=500", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("page", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Operations_need_a_signed_in_platform_administrator()
    {
        var anonymous = await factory.CreateClient().GetAsync(Parked);
        var member = await factory.CreateSignedInClient("member").GetAsync(Parked);
        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.Token(["platform-admin"], key: new byte[48]));
        var expired = factory.CreateClient();
        expired.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.Token(["platform-admin"], expires: DateTime.UtcNow.AddMinutes(-5)));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(Parked)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync(Parked)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateAdminClient().GetAsync(Parked)).StatusCode);
    }

    private static async Task<JsonElement> FindParkedAsync(HttpClient admin, Guid id)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>(Parked);
        return page.GetProperty("items").EnumerateArray()
            .FirstOrDefault(m => m.GetProperty("id").GetGuid() == id);
    }
}
