using System.Text.Json;

namespace RuralCommerce.TestSupport;

/// <summary>
/// The property paths of a JSON answer (<c>page.items[].memberName</c>), in wire order, so one test per response can
/// pin the wire format while the rest of the suite reads typed bodies.
/// </summary>
public static class JsonShape
{
    public static IReadOnlyList<string> Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new List<string>();
        Walk(document.RootElement, "", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string prefix, List<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                    paths.Add(path);
                    Walk(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() > 0 && element[0].ValueKind == JsonValueKind.Object:
                Walk(element[0], prefix + "[]", paths);
                break;
        }
    }
}
