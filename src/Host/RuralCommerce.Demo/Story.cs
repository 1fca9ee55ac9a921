using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RuralCommerce.Demo;

/// <summary>
/// The platform's story, played through the public HTTP API as its people would: a Guizhou mushroom cooperative and a
/// Hubei rice-wine cooperative join, a trainer teaches growing mushrooms on corn cobs, sellers list produce, buyers
/// order month after month and in a four-hour livestream, the county centres deliver, income is credited, statements
/// are paid. The host's clock runs from <see cref="StoryScale.Months"/> months ago to now while it plays.
/// </summary>
public sealed class Story(IStoryHost host, StoryScale scale, string password, Action<string>? progress = null)
{
    private const decimal CommissionPercent = 5m;
    private const decimal BaselineAnnualIncome = 1200m;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    // 15 surnames and 16 given names: 15 and 16 share no factor, so any 240 consecutive people have different names.
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "龙", "石", "潘", "麻", "罗"];
    private static readonly string[] GivenNames = ["秀英", "建国", "桂兰", "志强", "小燕", "德明", "春花", "国庆", "海燕", "永福", "玉梅", "文华", "金凤", "红军", "丽娟", "光明"];

    private readonly StoryApi _api = new(host);
    private readonly List<StoryAccount> _accounts = [];
    private readonly ConcurrentDictionary<Guid, decimal> _netBySeller = new();
    private readonly ConcurrentDictionary<(Guid, string), decimal> _netBySellerMonth = new();
    private readonly Random _random = new(2026);
    private DateTimeOffset _origin;
    private int _completed;
    private decimal _units;
    private decimal _gmv;
    private int _certificates;

    private sealed record Cooperative(Guid Id, string Province, string County, string Township, string Village, Person Admin, Guid CentreId, Person Operator);

    private sealed record Seller(Person Person, Guid MemberId, Cooperative Cooperative, Guid ProductId, decimal Price, string Code);

    private sealed record Sale(Person Buyer, Seller Seller, Guid OrderId, Guid ShipmentId, decimal Quantity, decimal Total, bool CashOnDelivery);

    public async Task<StoryOutcome> PlayAsync()
    {
        var watch = Stopwatch.StartNew();
        var realNow = host.Now;
        _origin = MonthStart(realNow, -scale.Months);
        host.SetClock(_origin.AddDays(1).AddHours(9));
        var platform = new Person("平台管理员", host.PlatformAdministrator.Phone, host.PlatformAdministrator.Password);
        await _api.SignInAsync(platform);
        _accounts.Add(new("平台管理员 Platform administrator", platform.Name, platform.Phone, platform.Password, ["/", "/admin/cooperatives", "/admin/administrators", "/admin/outbox", "/logistics"]));

        Report(watch, "the platform administrator signed in");
        // The people who will use their phones. Everyone else is a name in a register.
        string[] staffNames = ["龙秀英", "杨梅", "吴晓丽", "陈国庆", "胡春燕", "潘志强", "周海燕", "石文华"];
        var staff = await Task.WhenAll(staffNames.Select((name, i) => PersonAsync(name, 0, i + 1)));
        var (guizhouAdmin, trainer, guizhouHost, hubeiAdmin, hubeiHost, officer) = (staff[0], staff[1], staff[2], staff[3], staff[4], staff[7]);
        var operators = new[] { staff[5], staff[6] };
        var sellerPeople = await PeopleAsync(kind: 1, scale.GuizhouSellers + scale.HubeiSellers);
        var buyers = await PeopleAsync(kind: 2, scale.Buyers);
        var learnerPeople = await PeopleAsync(kind: 3, Math.Max(0, scale.Learners - TrainedCount));

        Report(watch, "accounts registered and verified");
        var guizhou = await CooperativeAsync(platform, guizhouAdmin, operators[0], "雷山县苗寨香菇专业合作社", "贵州", "雷山县", "西江镇", "控拜村", "52263400");
        var hubei = await CooperativeAsync(platform, hubeiAdmin, operators[1], "孝昌县小河米酒专业合作社", "湖北", "孝昌县", "周巷镇", "小河村", "42092100");
        await _api.PostAsync(platform, $"/api/access/accounts/{officer.AccountId}/platform-roles",
            new { role = "county-officer", province = guizhou.Province, county = guizhou.County });

        await AddMemberAsync(guizhou, trainer, "Trainer");
        var guizhouHostMember = await AddMemberAsync(guizhou, guizhouHost, "LivestreamHost");
        var hubeiHostMember = await AddMemberAsync(hubei, hubeiHost, "LivestreamHost");
        _ = guizhouHostMember;
        _ = hubeiHostMember;
        var sellers = new List<Seller>();
        for (var i = 0; i < sellerPeople.Count; i++)
        {
            var cooperative = i < scale.GuizhouSellers ? guizhou : hubei;
            var memberId = await AddMemberAsync(cooperative, sellerPeople[i], "Seller");
            sellers.Add(new Seller(sellerPeople[i], memberId, cooperative, Guid.Empty, 0m, ""));
        }

        await AddRegisterOnlyMembersAsync(guizhou, scale.GuizhouMembers - 3 - scale.GuizhouSellers, offset: 0);
        await AddRegisterOnlyMembersAsync(hubei, scale.HubeiMembers - 2 - scale.HubeiSellers, offset: 5000);
        await _api.WaitForQuietAsync();
        foreach (var person in new[] { guizhouAdmin, hubeiAdmin, trainer, guizhouHost, hubeiHost, officer }.Concat(sellerPeople).Concat(operators))
        {
            await _api.RenewAsync(person);
        }

        Report(watch, "cooperatives, members and roles");
        var today = Day(host.Now);
        foreach (var cooperative in new[] { guizhou, hubei })
        {
            await _api.PutAsync(cooperative.Admin, $"/api/income-tracking/cooperatives/{cooperative.Id}/commission-rates/{today}", new { percent = CommissionPercent });
        }

        for (var i = 0; i < sellers.Count; i++)
        {
            sellers[i] = await ListProduceAsync(sellers[i], i);
            await _api.PostAsync(sellers[i].Cooperative.Admin, $"/api/income-tracking/cooperatives/{sellers[i].Cooperative.Id}/members/{sellers[i].MemberId}/baseline",
                new { kind = "Declared", annualIncome = BaselineAnnualIncome, year = host.Now.ToOffset(China).Year - 1, note = "入社时申报 declared on joining" });
        }

        await _api.WaitForQuietAsync();
        Report(watch, "produce listed, baselines declared");

        // Every month: shop orders; in month 1 the course (farmers enrolled in bulk, learners watching, certificates), after
        // which the trained sellers sell more; in a late month the rice-wine livestream.
        var trained = sellers.Where(s => s.Cooperative == guizhou).Take(TrainedCount).ToList();
        var livestreamMonth = scale.Months - 2;
        var livestreamId = Guid.Empty;
        var courseId = Guid.Empty;
        for (var month = 0; month < scale.Months; month++)
        {
            if (month == TrainingMonth)
            {
                courseId = await TrainAsync(trainer, guizhou, trained.Select(s => s.Person).Concat(learnerPeople).ToList());
            }

            await ShopMonthAsync(month, sellers, trained, buyers);
            Report(watch, $"month {month + 1} of {scale.Months}");
            if (month == livestreamMonth)
            {
                livestreamId = await LivestreamAsync(month, hubei, hubeiHost, sellers.Where(s => s.Cooperative == hubei).ToList(), buyers);
                await ImportPlatformOrdersAsync(hubei, sellers.Where(s => s.Cooperative == hubei).ToList());
            }
        }

        host.SetClock(realNow);
        await StatementsAsync(guizhou);
        await StatementsAsync(hubei);
        await _api.WaitForQuietAsync();
        Report(watch, "statements generated and paid");

        var g = $"/cooperatives/{guizhou.Id}";
        var county = $"/counties/{Uri.EscapeDataString(guizhou.Province)}/{Uri.EscapeDataString(guizhou.County)}";
        var seller = trained[0];
        // The demo's learner is halfway through the course: the player, the quiz and the certificate are still ahead.
        var learner = learnerPeople.ElementAtOrDefault(Math.Max(0, scale.Finishers - TrainedCount)) ?? learnerPeople.FirstOrDefault() ?? seller.Person;
        var enrolmentId = (await _api.GetAsync(learner, "/api/training/my/enrolments")).EnumerateArray().First().GetProperty("enrolmentId").GetGuid();
        var buyerOrder = Items(await _api.GetAsync(buyers[0], "/api/orders/mine")).First().GetProperty("orderId").GetGuid();
        _accounts.Add(new("合作社管理员 Cooperative administrator", guizhouAdmin.Name, guizhouAdmin.Phone, password,
            [g, $"{g}/members", $"{g}/impact", $"{g}/statements", $"{g}/products", $"{g}/refunds", $"{g}/payments", $"{g}/dues", $"{g}/shares", $"{g}/applications",
                $"{g}/members/{seller.MemberId}", $"{g}/members/{seller.MemberId}/income", "/my/cooperatives"]));
        _accounts.Add(new("培训师 Trainer", trainer.Name, trainer.Phone, password,
            ["/teach", $"/teach/courses/{courseId}", $"/teach/courses/{courseId}/dashboard", $"/teach/courses/{courseId}/learners", $"/teach/courses/{courseId}/sessions"]));
        _accounts.Add(new("卖家（已培训）Seller, trained", seller.Person.Name, seller.Person.Phone, password,
            ["/my/income", $"{g}/products", $"{g}/products/{seller.ProductId}", "/my/shipments", "/my/training", $"/shop/products/{seller.ProductId}"]));
        _accounts.Add(new("主播 Livestream host", hubeiHost.Name, hubeiHost.Phone, password,
            ["/my/livestreams", $"/cooperatives/{hubei.Id}/livestreams/{livestreamId}", $"/cooperatives/{hubei.Id}/livestreams/{livestreamId}/tally"]));
        _accounts.Add(new("物流中心 Logistics operator", operators[1].Name, operators[1].Phone, password, [$"/logistics/{hubei.CentreId}", "/logistics"]));
        _accounts.Add(new("物流中心（雷山县）Logistics operator, Leishan", operators[0].Name, operators[0].Phone, password, [$"/logistics/{guizhou.CentreId}", "/logistics"]));
        _accounts.Add(new("县级官员 County officer", officer.Name, officer.Phone, password, [county]));
        _accounts.Add(new("买家 Buyer", buyers[0].Name, buyers[0].Phone, password,
            ["/shop", "/my/orders", $"/my/orders/{buyerOrder}", "/cart", $"/shop/cooperatives/{hubei.Id}"]));
        _accounts.Add(new("学员 Learner", learner.Name, learner.Phone, password, ["/my/training", $"/my/training/{enrolmentId}", "/training"]));
        return new StoryOutcome(
            _accounts, guizhou.Id, hubei.Id, livestreamId, _completed, _units, _gmv, sellers.ToDictionary(s => s.MemberId, s => s.Cooperative.Id),
            new Dictionary<Guid, decimal>(_netBySeller),
            new Dictionary<(Guid, string), decimal>(_netBySellerMonth), trained.Select(s => s.MemberId).ToList(),
            sellers.Except(trained).Select(s => s.MemberId).ToList(),
            _origin.AddMonths(TrainingMonth).ToString("yyyy-MM", CultureInfo.InvariantCulture), _certificates, watch.Elapsed);
    }

    private void Report(Stopwatch watch, string step) => progress?.Invoke($"{watch.Elapsed.TotalSeconds,6:0.0} s  {step}");

    /// <summary>
    /// The course runs early enough that six months after it have closed by now (the impact report's training effect
    /// compares the six months before and after), and late enough that some sales came before it.
    /// </summary>
    private int TrainingMonth => Math.Max(1, scale.Months - 8);

    private int TrainedCount => Math.Max(1, scale.GuizhouSellers / 2);

    // ---- people and cooperatives ----

    private static string Phone(int kind, int index) => $"+86140{kind:D2}{index:D6}";

    private string ChineseName(int index) => Surnames[index % Surnames.Length] + GivenNames[index % GivenNames.Length];

    private Task<Person> PersonAsync(string name, int kind, int index) => _api.NewPersonAsync(name, Phone(kind, index), password);

    private async Task<List<Person>> PeopleAsync(int kind, int count)
    {
        var people = new Person[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            people[i] = await PersonAsync(ChineseName(kind * 100 + i), kind, i + 1));
        return [.. people];
    }

    private async Task<Cooperative> CooperativeAsync(
        Person platform, Person admin, Person centreOperator, string name, string province, string county, string township, string village, string area)
    {
        var first17 = $"93{area}{_random.Next(100_000_000, 999_999_999)}"[..17];
        var registered = await _api.PostAsync(platform, "/api/cooperatives", new
        {
            name,
            creditCode = first17 + CreditCodeCheck(first17),
            province,
            county,
            township,
            village,
            contactPhone = admin.Phone,
            serviceCentre = $"{county}农村电商服务中心",
            foundedOn = "2016-04-01",
            sharePrice = 100m,
            firstAdmin = new { name = admin.Name, phone = admin.Phone, village, idCardNumber = (string?)null },
        });
        var centre = await _api.PostAsync(platform, "/api/orders/logistics-centres",
            new { name = $"{county}物流配送中心", province, county, address = $"{county}城关镇物流园 1 号" });
        var centreId = centre.GetProperty("centreId").GetGuid();
        // Orders hears of the operator's verified account through the outbox before it appoints them.
        await _api.WaitForQuietAsync();
        await _api.PutAsync(platform, $"/api/orders/logistics-centres/{centreId}/operators/{centreOperator.AccountId}");
        // Made-up merchant ids, shaped as the providers' are: the demo pays through the development gateway.
        await _api.PutAsync(platform, $"/api/orders/cooperatives/{registered.GetProperty("cooperativeId").GetGuid()}/payment-settings",
            new { weChatPaySubMerchantId = $"16{area}", alipayMerchantId = $"20880000{area}" });
        // The administrator's next token carries the membership once Access has heard of it.
        await _api.WaitForQuietAsync();
        await _api.RenewAsync(admin);
        return new Cooperative(registered.GetProperty("cooperativeId").GetGuid(), province, county, township, village, admin, centreId, centreOperator);
    }

    private async Task<Guid> AddMemberAsync(Cooperative cooperative, Person person, string role)
    {
        var member = await _api.PostAsync(cooperative.Admin, $"/api/cooperatives/{cooperative.Id}/members",
            new { name = person.Name, phone = person.Phone, village = cooperative.Village, idCardNumber = (string?)null, roles = new[] { role } });
        return member.GetProperty("memberId").GetGuid();
    }

    private async Task AddRegisterOnlyMembersAsync(Cooperative cooperative, int count, int offset) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, count)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await _api.PostAsync(cooperative.Admin, $"/api/cooperatives/{cooperative.Id}/members",
                new { name = ChineseName(700 + offset + i), phone = Phone(4, offset + i + 1), village = cooperative.Village, idCardNumber = (string?)null, roles = Array.Empty<string>() }));

    // ---- produce ----

    private async Task<Seller> ListProduceAsync(Seller seller, int index)
    {
        var mushrooms = seller.Cooperative.Province == "贵州";
        var (name, category, unit, content, contentUnit, price) = mushrooms
            ? (index % 2 == 0 ? ("玉米芯花菇 干货", "DriedMushrooms", "Bag", 500m, "Gram", 68m + index) : ("鲜香菇 当天采摘", "FreshMushrooms", "Box", 1000m, "Gram", 26m + index))
            : (index % 2 == 0 ? ("孝感糯米甜酒", "RiceWine", "Bottle", 750m, "Millilitre", 45.5m) : ("桂花米酒 礼盒", "RiceWine", "Box", 1500m, "Millilitre", 88m));
        var code = $"{(mushrooms ? "XG" : "MJ")}-{index + 1:D3}";
        var cooperative = seller.Cooperative;
        var basePath = $"/api/catalog/cooperatives/{cooperative.Id}/products";
        var product = await _api.PostAsync(seller.Person, basePath, new
        {
            code,
            name = $"{name}（{seller.Person.Name}）",
            category,
            description = mushrooms ? "苗寨农户用玉米芯种植，自然晾晒，肉厚味香。" : "小河村糯米古法酿造，甜而不腻。",
            unit,
            netContent = new { amount = content, unit = contentUnit },
            listPrice = price,
            originCounty = cooperative.County,
            originVillage = cooperative.Village,
        });
        var productId = product.GetProperty("productId").GetGuid();
        await _api.UploadAsync(seller.Person, $"{basePath}/{productId}/photos", [], "photo.png", "image/png",
            category switch
            {
                "DriedMushrooms" => ProducePhoto.DriedMushrooms(index),
                "FreshMushrooms" => ProducePhoto.FreshMushrooms(index),
                _ => unit == "Box" ? ProducePhoto.RiceWineGift(index) : ProducePhoto.RiceWine(index),
            });
        var batch = await _api.PostAsync(seller.Person, $"{basePath}/{productId}/batches", new
        {
            code = $"{code}-{host.Now.ToOffset(China):yyMMdd}",
            harvestedOn = Day(host.Now.AddDays(-3)),
            village = cooperative.Village,
            quantityProduced = 100_000m,
            note = mushrooms ? "玉米芯基料，第一茬" : "新米酿造",
        });
        await _api.PostAsync(seller.Person, $"{basePath}/{productId}/stock-adjustments",
            new { reason = "Restock", quantity = 100_000m, batchId = batch.GetProperty("batchId").GetGuid(), note = "入库" });
        await _api.PostAsync(seller.Person, $"{basePath}/{productId}/list");
        return seller with { ProductId = productId, Price = price, Code = code };
    }

    // ---- training ----

    private async Task<Guid> TrainAsync(Person trainer, Cooperative guizhou, List<Person> learners)
    {
        host.SetClock(_origin.AddMonths(TrainingMonth).AddDays(1).AddHours(10));
        var course = await _api.PostAsync(trainer, "/api/training/courses", new
        {
            title = "玉米芯种香菇",
            topic = "玉米芯种香菇",
            skillCategory = "Cultivation",
            language = "zh-CN",
            description = "用粉碎的玉米芯做基料种香菇：配料、装袋灭菌、接种、出菇管理、采收晾晒、卖个好价钱。",
            capacity = (int?)null,
            enrolmentOpensAt = (DateTimeOffset?)null,
            enrolmentClosesAt = (DateTimeOffset?)null,
            cooperativeId = guizhou.Id,
        });
        var courseId = course.GetProperty("courseId").GetGuid();
        string[] lessons = ["选料与粉碎玉米芯", "拌料、装袋与灭菌", "接种", "发菌管理", "出菇与采收", "晾晒、分级与销售"];
        var lessonIds = new List<(Guid Id, int Seconds)>();
        for (var i = 0; i < lessons.Length; i++)
        {
            var lesson = await _api.PostAsync(trainer, $"/api/training/courses/{courseId}/lessons", new
            {
                title = lessons[i],
                summary = $"第{i + 1}课：{lessons[i]}。",
            });
            var lessonId = lesson.GetProperty("lessonId").GetGuid();
            var uploaded = await _api.UploadAsync(trainer, $"/api/training/courses/{courseId}/lessons/{lessonId}/video", [],
                $"lesson-{i + 1}.webm", "video/webm", LessonVideo(i + 1));
            lessonIds.Add((lessonId, uploaded.GetProperty("durationSeconds").GetInt32()));
        }

        var quiz = await _api.PutAsync(trainer, $"/api/training/courses/{courseId}/quiz", new
        {
            questions = new object[]
            {
                new { text = "香菇基料的主要原料是什么？", options = new[] { "稻草", "粉碎的玉米芯", "只用木屑" }, correctOption = 1 },
                new { text = "香菇什么时候采收最好？", options = new[] { "菌盖边缘还内卷时", "菌盖完全展平后" }, correctOption = 0 },
            },
            passMarkPercent = 50,
        });
        var questions = quiz.GetProperty("quiz").EnumerateArray().Select(q => q.GetProperty("questionId").GetGuid()).ToList();
        await _api.PostAsync(trainer, $"/api/training/courses/{courseId}/publish");

        var csv = new StringBuilder("姓名,手机号,村\n");
        foreach (var learner in learners)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{learner.Name},{learner.Phone},{guizhou.Village}\n");
        }

        for (var i = learners.Count; i < scale.Enrolled; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{ChineseName(1000 + i)},{Phone(5, i + 1)},{guizhou.Village}\n");
        }

        await _api.UploadAsync(trainer, $"/api/training/courses/{courseId}/learners/imports", [], "farmers.csv", "text/csv", Encoding.UTF8.GetBytes(csv.ToString()));
        await _api.WaitForQuietAsync();

        // The learners watch over the next weeks; those who finish take the quiz.
        for (var day = 0; day < 20; day += 4)
        {
            host.SetClock(host.Now.AddDays(4));
            await Parallel.ForEachAsync(learners.Select((l, i) => (Learner: l, Index: i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (entry, _) =>
            {
                var finisher = entry.Index < scale.Finishers;
                var target = finisher ? lessonIds.Count : 1 + (entry.Index % (lessonIds.Count - 1));
                var upTo = Math.Min(target, (day / 4 + 1) * 2);
                var enrolment = (await _api.GetAsync(entry.Learner, "/api/training/my/enrolments")).EnumerateArray().First();
                var enrolmentId = enrolment.GetProperty("enrolmentId").GetGuid();
                var done = enrolment.GetProperty("completedLessons").GetInt32();
                for (var lesson = done; lesson < upTo; lesson++)
                {
                    await _api.PostAsync(entry.Learner, $"/api/training/my/enrolments/{enrolmentId}/progress",
                        new { lessonId = lessonIds[lesson].Id, watched = new[] { new { from = 0m, to = (decimal)lessonIds[lesson].Seconds } } });
                }

                if (finisher && upTo == lessonIds.Count && done < lessonIds.Count)
                {
                    var attempt = await _api.PostAsync(entry.Learner, $"/api/training/my/enrolments/{enrolmentId}/quiz-attempts",
                        new { answers = new[] { new { questionId = questions[0], option = 1 }, new { questionId = questions[1], option = 0 } } });
                    if (attempt.GetProperty("passed").GetBoolean())
                    {
                        Interlocked.Increment(ref _certificates);
                    }
                }
            });
        }

        await _api.WaitForQuietAsync();
        return courseId;
    }

    /// <summary>The course's real lesson videos (made once by build/demo-videos.sh, tens of KB each), so the player plays.</summary>
    private static byte[] LessonVideo(int number)
    {
        using var resource = typeof(Story).Assembly.GetManifestResourceStream($"RuralCommerce.Demo.Videos.lesson-{number}.webm")
            ?? throw new InvalidOperationException($"The demo's lesson video {number} is not embedded.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    // ---- selling ----

    private async Task ShopMonthAsync(int month, List<Seller> sellers, List<Seller> trained, List<Person> buyers)
    {
        Later(_origin.AddMonths(month).AddDays(4).AddHours(9));
        var trainedAfter = month > TrainingMonth;
        var sales = new ConcurrentBag<Sale>();
        var orders = Enumerable.Range(0, scale.ShopOrdersPerMonth).Select(i =>
        {
            // Trained sellers grow more and better mushrooms from month 3: three times the orders of an untrained one.
            var pool = trainedAfter ? sellers.Concat(trained).Concat(trained).ToList() : sellers;
            // The orders go round the sellers, each month carrying on where the last one stopped, so nobody goes a month
            // without a sale when there are more orders than sellers (a stride sharing a factor with the pool would skip most).
            var seller = pool[((month * scale.ShopOrdersPerMonth) + i) % pool.Count];
            return (Buyer: buyers[(i + month) % buyers.Count], Seller: seller, Quantity: 1m + (i % 3), Cash: i % 3 == 0);
        }).ToList();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (o, _) =>
            sales.Add(await PlaceAsync(o.Buyer, o.Seller, o.Quantity, o.Cash, livestreamId: null)));

        // A buyer who paid changes their mind before it ships: cancelled and refunded.
        var changedMind = sales.Where(s => !s.CashOnDelivery).OrderBy(s => s.OrderId).FirstOrDefault();
        if (changedMind is not null)
        {
            await _api.PostAsync(changedMind.Buyer, $"/api/orders/{changedMind.OrderId}/cancel");
        }

        await FulfilAsync(sales.Where(s => s != changedMind).ToList());
    }

    private async Task<Guid> LivestreamAsync(int month, Cooperative hubei, Person streamer, List<Seller> sellers, List<Person> buyers)
    {
        var start = _origin.AddMonths(month).AddDays(11).AddHours(19);
        Later(start.AddDays(-2));
        var planned = await _api.PostAsync(streamer, $"/api/catalog/cooperatives/{hubei.Id}/livestreams", new
        {
            title = "孝感米酒之夜：小河村直播专场",
            plannedStart = start,
            plannedEnd = start.AddHours(4),
            platform = "Douyin",
            streamUrl = "https://live.douyin.example/xiaohe",
        });
        var eventId = planned.GetProperty("eventId").GetGuid();
        foreach (var seller in sellers)
        {
            await _api.PutAsync(streamer, $"/api/catalog/cooperatives/{hubei.Id}/livestreams/{eventId}/featured/{seller.ProductId}",
                new { livestreamPrice = Math.Round(seller.Price * 0.8m, 1), quantityCap = 5000m });
        }

        host.SetClock(start);
        await _api.PostAsync(streamer, $"/api/catalog/cooperatives/{hubei.Id}/livestreams/{eventId}/start");
        await _api.WaitForQuietAsync();

        // Four hours on air: orders arrive in bursts of a few dozen while the host talks about each bottle.
        var sales = new ConcurrentBag<Sale>();
        var bursts = Math.Max(1, scale.LivestreamOrders / 20);
        for (var burst = 0; burst < bursts; burst++)
        {
            host.SetClock(start.AddMinutes(4 * 60.0 * burst / bursts + 1));
            var size = burst == bursts - 1 ? scale.LivestreamOrders - 20 * (bursts - 1) : Math.Min(20, scale.LivestreamOrders);
            await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
                sales.Add(await PlaceAsync(buyers[(burst * 20 + i) % buyers.Count], sellers[i % sellers.Count], 1m + (i % 2), false, eventId)));
        }

        host.SetClock(start.AddHours(4));
        await _api.PostAsync(streamer, $"/api/catalog/cooperatives/{hubei.Id}/livestreams/{eventId}/end");
        host.SetClock(start.AddDays(1).AddHours(-10));
        await FulfilAsync([.. sales]);
        return eventId;
    }

    /// <summary>The orders Douyin sold and shipped itself during the event, imported from its export the next week.</summary>
    private async Task ImportPlatformOrdersAsync(Cooperative cooperative, List<Seller> sellers)
    {
        host.SetClock(host.Now.AddDays(5));
        var paidAt = host.Now.AddDays(-6).ToOffset(China);
        var csv = new StringBuilder("订单号,商品编码,数量,实付金额,省,县,付款时间\n");
        var rows = new List<(Seller Seller, decimal Quantity, decimal Paid)>();
        for (var i = 0; i < Math.Max(2, scale.LivestreamOrders / 30); i++)
        {
            var seller = sellers[i % sellers.Count];
            var quantity = 1m + (i % 2);
            var paid = Math.Round(seller.Price * 0.8m, 1) * quantity;
            rows.Add((seller, quantity, paid));
            csv.Append(CultureInfo.InvariantCulture,
                $"DY{paidAt:yyMMdd}{i + 1:D5},{seller.Code},{quantity},{paid},广东,番禺区,{paidAt.AddMinutes(i):yyyy-MM-dd HH:mm:ss}\n");
        }

        var report = await _api.UploadAsync(cooperative.Admin, $"/api/orders/cooperatives/{cooperative.Id}/imports",
            new Dictionary<string, string> { ["platform"] = "抖音 Douyin" }, "douyin-export.csv", "text/csv", Encoding.UTF8.GetBytes(csv.ToString()));
        if (report.GetProperty("imported").GetInt32() != rows.Count)
        {
            throw new StoryStepFailedException($"The Douyin export imported {report.GetProperty("imported").GetInt32()} of {rows.Count} rows: {report}");
        }

        await _api.WaitForQuietAsync();
        foreach (var (seller, quantity, paid) in rows)
        {
            Count(seller, quantity, paid);
        }
    }

    private void Count(Seller seller, decimal quantity, decimal gross)
    {
        var month = host.Now.ToOffset(China).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var net = gross - Math.Round(gross * CommissionPercent / 100m, 2, MidpointRounding.AwayFromZero);
        _netBySeller.AddOrUpdate(seller.MemberId, net, (_, sum) => sum + net);
        _netBySellerMonth.AddOrUpdate((seller.MemberId, month), net, (_, sum) => sum + net);
        lock (_netBySeller)
        {
            _completed++;
            _units += quantity;
            _gmv += gross;
        }
    }

    private async Task<Sale> PlaceAsync(Person buyer, Seller seller, decimal quantity, bool cashOnDelivery, Guid? livestreamId)
    {
        var cooperative = seller.Cooperative;
        var order = await _api.PostAsync(buyer, "/api/orders", new
        {
            lines = new[] { new { productId = seller.ProductId, quantity } },
            delivery = new
            {
                recipient = buyer.Name,
                phone = buyer.Phone,
                province = cooperative.Province,
                county = cooperative.County,
                township = cooperative.Township,
                village = cooperative.Village,
                detail = "村委会旁 2 号",
            },
            paymentMethod = cashOnDelivery ? "CashOnDelivery" : "WeChatPay",
            addressId = (Guid?)null,
            livestreamId,
        });
        var orderId = order.GetProperty("orderId").GetGuid();
        var total = order.GetProperty("total").GetDecimal();
        if (!cashOnDelivery)
        {
            var notice = JsonSerializer.SerializeToUtf8Bytes(new { orderId, transactionId = $"wx-{orderId:N}", amountFen = (long)(total * 100) }, JsonSerializerOptions.Web);
            await _api.PostSignedAsync("/api/orders/payments/callback", notice, host.SignPaymentNotice(notice));
        }

        var shipmentId = order.GetProperty("shipments")[0].GetProperty("shipmentId").GetGuid();
        return new Sale(buyer, seller, orderId, shipmentId, quantity, total, cashOnDelivery);
    }

    /// <summary>Packed and shipped the next morning, through the county centre two days later, received by the buyer.</summary>
    private async Task FulfilAsync(List<Sale> sales)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4 };
        await _api.WaitForQuietAsync();
        host.SetClock(host.Now.AddDays(1));
        await Parallel.ForEachAsync(sales, options, async (s, _) =>
        {
            var path = $"/api/orders/cooperatives/{s.Seller.Cooperative.Id}/shipments/{s.ShipmentId}";
            await _api.PostAsync(s.Seller.Person, $"{path}/pack");
            await _api.PostAsync(s.Seller.Person, $"{path}/ship", new { carrier = "邮政快递", trackingNumber = $"YZ{s.ShipmentId.ToString("N")[..12]}", logisticsCentreId = (Guid?)null });
        });
        await _api.WaitForQuietAsync();
        host.SetClock(host.Now.AddDays(2));
        await Parallel.ForEachAsync(sales, options, async (s, _) =>
        {
            var centre = s.Seller.Cooperative;
            var path = $"/api/orders/logistics-centres/{centre.CentreId}/shipments/{s.ShipmentId}";
            await _api.PostAsync(centre.Operator, $"{path}/receive");
            await _api.PostAsync(centre.Operator, $"{path}/dispatch");
            await _api.PostAsync(centre.Operator, $"{path}/deliver", new { cashCollected = s.CashOnDelivery ? s.Total : (decimal?)null });
        });
        await _api.WaitForQuietAsync();
        host.SetClock(host.Now.AddDays(1));
        await Parallel.ForEachAsync(sales, options, async (s, _) =>
        {
            await _api.PostAsync(s.Buyer, $"/api/orders/{s.OrderId}/confirm-receipt");
            Count(s.Seller, s.Quantity, s.Total);
        });
        await _api.WaitForQuietAsync();
    }

    // ---- statements ----

    private async Task StatementsAsync(Cooperative cooperative)
    {
        for (var back = scale.Months; back >= 1; back--)
        {
            var month = MonthStart(host.Now, -back).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            await _api.PostAsync(cooperative.Admin, $"/api/income-tracking/cooperatives/{cooperative.Id}/statements/{month}");
            if (back == 1)
            {
                continue; // last month's are still to be paid
            }

            var statements = await _api.GetAsync(cooperative.Admin, $"/api/income-tracking/cooperatives/{cooperative.Id}/statements/{month}?pageSize=100");
            foreach (var statement in Items(statements))
            {
                await _api.PostAsync(cooperative.Admin,
                    $"/api/income-tracking/cooperatives/{cooperative.Id}/statements/{month}/{statement.GetProperty("statementId").GetGuid()}/payment",
                    new { payoutReference = $"农商银行转账 {month}-{statement.GetProperty("statementId").GetGuid().ToString("N")[..6]}" });
            }
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    // ---- time and codes ----

    /// <summary>Moves the clock to <paramref name="at"/> unless it is already past it: the story's time never runs back.</summary>
    private void Later(DateTimeOffset at)
    {
        if (at > host.Now)
        {
            host.SetClock(at);
        }
    }

    /// <summary>The first moment (China time) of the month <paramref name="monthsFromNow"/> months from <paramref name="now"/>'s.</summary>
    private static DateTimeOffset MonthStart(DateTimeOffset now, int monthsFromNow)
    {
        var china = now.ToOffset(China);
        return new DateTimeOffset(china.Year, china.Month, 1, 0, 0, 0, China).AddMonths(monthsFromNow);
    }

    private static string Day(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static char CreditCodeCheck(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return alphabet[(31 - (sum % 31)) % 31];
    }
}
