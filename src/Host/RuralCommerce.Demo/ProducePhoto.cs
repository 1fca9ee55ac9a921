namespace RuralCommerce.Demo;

/// <summary>
/// A drawn photo of each kind of the demo's produce (shaded shapes on a tray or a table), so the shop looks like a shop:
/// dried flower mushrooms with their cracked caps, fresh shiitake, a bottle of rice wine, a gift box of osmanthus wine.
/// </summary>
internal static class ProducePhoto
{
    private const int Size = 240;

    private readonly record struct Colour(double R, double G, double B)
    {
        public Colour Times(double light) => new(R * light, G * light, B * light);

        public Colour Mix(Colour other, double share) =>
            new(R + ((other.R - R) * share), G + ((other.G - G) * share), B + ((other.B - B) * share));
    }

    public static byte[] DriedMushrooms(int variant) => Draw(variant, Bamboo, (x, y) => Mushrooms(x, y, variant, dried: true));

    public static byte[] FreshMushrooms(int variant) => Draw(variant, Leaf, (x, y) => Mushrooms(x, y, variant, dried: false));

    public static byte[] RiceWine(int variant) => Draw(variant, Linen, Bottle);

    public static byte[] RiceWineGift(int variant) => Draw(variant, Linen, GiftBox);

    private static byte[] Draw(int variant, Func<int, int, Colour> background, Func<int, int, Colour?> subject) =>
        TinyPng.Encode(Size, (x, y) =>
        {
            var colour = subject(x, y) ?? background(x, y);
            // A little grain, as a phone's camera has; fixed per pixel and variant so the photo is the same every run.
            var grain = 1 + ((Hash(x, y, variant) % 9) - 4) / 200.0;
            return (Byte(colour.R * grain), Byte(colour.G * grain), Byte(colour.B * grain));
        });

    private static Colour Bamboo(int x, int y) =>
        new Colour(196, 160, 104).Times(0.85 + (0.1 * Math.Sin(x / 3.0)) + (0.05 * (y / (double)Size)));

    private static Colour Leaf(int x, int y) =>
        new Colour(92, 140, 70).Times(0.8 + (0.2 * Math.Cos((x - y) / 40.0)));

    private static Colour Linen(int x, int y) =>
        new Colour(236, 228, 212).Times(0.9 + (0.08 * (1 - (y / (double)Size))));

    /// <summary>Caps seen from above and a little to the side: round, shaded towards the edge, over a pale stem.</summary>
    private static Colour? Mushrooms(int x, int y, int variant, bool dried)
    {
        (double X, double Y, double R)[] caps = [(80, 95, 48), (165, 85, 42), (120, 165, 52), (190, 170, 36)];
        var cap = dried ? new Colour(92, 60, 38) : new Colour(150, 100, 62);
        foreach (var (cx, cy, r) in caps.Select(c => (c.X + (variant % 3 * 6), c.Y, c.R)).Reverse())
        {
            var dx = (x - cx) / r;
            var dy = (y - cy) / (r * 0.85);
            var d = Math.Sqrt((dx * dx) + (dy * dy));
            if (d <= 1)
            {
                var shade = 1.15 - (0.45 * d * d) - (0.15 * dy);
                var colour = cap.Times(shade);
                // 花菇: the dry cold cracks a flower mushroom's cap into pale lines.
                if (dried && d < 0.85 && Math.Abs(Math.Sin((dx * 9) + (Math.Cos(dy * 7) * 2)) * Math.Sin((dy * 6) - (dx * 4) + variant)) < 0.06)
                {
                    colour = colour.Mix(new Colour(232, 220, 196), 0.75);
                }

                return colour;
            }

            if (Math.Abs(x - cx) < r * 0.18 && y > cy && y < cy + (r * 1.05))
            {
                return new Colour(226, 212, 186).Times(1 - ((y - cy) / r * 0.2));
            }
        }

        return null;
    }

    /// <summary>A clear bottle of milky rice wine with a red label and a gold cap.</summary>
    private static Colour? Bottle(int x, int y)
    {
        const double centre = 120;
        var halfWidth = y switch
        {
            < 30 => 0,
            < 50 => 14,
            < 90 => 14 + ((y - 50) * 1.1),
            < 215 => 58,
            _ => 0,
        };
        var dx = Math.Abs(x - centre);
        if (halfWidth == 0 || dx > halfWidth)
        {
            return y is > 215 and < 225 && dx < 70 ? new Colour(180, 170, 150) : null;
        }

        var roundness = 1 - (0.35 * Math.Pow(dx / Math.Max(1, halfWidth), 2));
        if (y < 50)
        {
            return new Colour(205, 160, 60).Times(roundness + 0.1);
        }

        if (y is > 120 and < 185)
        {
            var label = new Colour(190, 40, 35).Times(roundness + 0.1);
            return y is > 146 and < 158 && dx < halfWidth * 0.7 ? new Colour(240, 210, 120).Times(roundness + 0.1) : label;
        }

        var wine = new Colour(238, 234, 220).Times(roundness);
        return x < centre - (halfWidth * 0.5) && x > centre - (halfWidth * 0.7) ? wine.Mix(new Colour(255, 255, 255), 0.6) : wine;
    }

    /// <summary>A red gift box tied with a gold band, osmanthus flowers scattered in front.</summary>
    private static Colour? GiftBox(int x, int y)
    {
        if (x is >= 40 and <= 200 && y is >= 60 and <= 200)
        {
            var light = 1.05 - ((y - 60) / 140.0 * 0.25) - (x > 170 ? 0.15 : 0);
            return Math.Abs(x - 120) < 10 || Math.Abs(y - 130) < 8 ? new Colour(222, 180, 80).Times(light) : new Colour(176, 30, 36).Times(light);
        }

        for (var i = 0; i < 9; i++)
        {
            var fx = 30 + (i * 23);
            var fy = 215 + (i % 3 * 7);
            if (((x - fx) * (x - fx)) + ((y - fy) * (y - fy)) < 20)
            {
                return new Colour(240, 170, 40);
            }
        }

        return null;
    }

    private static int Hash(int x, int y, int variant) => (int)((((uint)x * 73856093u) ^ ((uint)y * 19349663u) ^ ((uint)variant * 83492791u)) % 1_000_003u);

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
