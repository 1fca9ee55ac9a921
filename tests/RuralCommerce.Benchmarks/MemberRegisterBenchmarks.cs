using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using RuralCommerce.Cooperatives.Contracts;
using RuralCommerce.Cooperatives.Domain.Cooperatives;
using RuralCommerce.Cooperatives.Domain.Members;
using RuralCommerce.Cooperatives.Persistence;
using RuralCommerce.SharedKernel;
using RuralCommerce.TestSupport;

namespace RuralCommerce.Benchmarks;

/// <summary>The host with its dispatcher off, so seeding twenty thousand members does not start a notification storm.</summary>
public sealed class QuietApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Outbox:DispatcherEnabled"] = "false" };
}

/// <summary>
/// A large cooperative's register through the real HTTP pipeline (auth, routing, EF on SQLite): 20,000 members, the
/// size of the biggest mushroom cooperatives the trainers work with.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class MemberRegisterBenchmarks
{
    private const int Members = 20_000;
    private QuietApiFactory _factory = null!;
    private HttpClient _admin = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _factory = new QuietApiFactory();
        _admin = _factory.CreateAdminClient();
        var code = "93510100BENCH0001";
        var created = _admin.PostAsJsonAsync(new Uri("/api/cooperatives", UriKind.Relative), new
        {
            name = "Benchmark Mushroom Cooperative",
            creditCode = code + UnifiedSocialCreditCode.CheckCharacter(code),
            province = "Sichuan",
            county = "Pujiang",
            township = "Chengjia",
            village = "Xiaozhai",
            contactPhone = "+8613800138000",
            serviceCentre = "Pujiang County Service Centre",
            foundedOn = "2015-03-01",
            sharePrice = 200,
            firstAdmin = new { name = "Wang Fang", phone = "+8613800138001", village = "Xiaozhai" },
        }).GetAwaiter().GetResult();
        var cooperativeId = created.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("cooperativeId").GetGuid();
        _path = $"/api/cooperatives/{cooperativeId}";
        SeedAsync(cooperativeId).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();

    [Benchmark]
    public Task<string> FirstPageOfFifty() => _admin.GetStringAsync(new Uri($"{_path}/members?pageSize=50", UriKind.Relative));

    [Benchmark]
    public Task<string> SearchByLastDigitsOfAPhone() => _admin.GetStringAsync(new Uri($"{_path}/members?q=12345", UriKind.Relative));

    [Benchmark]
    public Task<string> SellersOfOneVillage() => _admin.GetStringAsync(new Uri($"{_path}/members?role=Seller&village=Village-7&pageSize=100", UriKind.Relative));

    [Benchmark]
    public Task<string> Overview() => _admin.GetStringAsync(new Uri($"{_path}/overview", UriKind.Relative));

    [Benchmark]
    public Task<byte[]> ExportTheWholeRegisterAsCsv() => _admin.GetByteArrayAsync(new Uri($"{_path}/members/export", UriKind.Relative));

    private async Task SeedAsync(Guid cooperativeId)
    {
        var clock = TimeProvider.System;
        for (var batch = 0; batch < Members / 1000; batch++)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperativesDbContext>();
            var cooperative = await db.Cooperatives.FindAsync(new CooperativeId(cooperativeId));
            for (var i = 0; i < 1000; i++)
            {
                var n = (batch * 1000) + i;
                var member = Member.Add(
                    new MemberId(NewId.Next(clock)), cooperative!, $"Member {n:D5}", PhoneNumber.Parse($"+86139{n:D8}"),
                    $"Village-{n % 40}", null, n % 3 == 0 ? [MemberRoles.Seller] : [], clock.GetUtcNow());
                member.ClearDomainEvents();
                db.Members.Add(member);
            }

            await db.SaveChangesAsync();
        }
    }
}
