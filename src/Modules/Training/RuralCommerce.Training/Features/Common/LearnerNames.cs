namespace RuralCommerce.Training.Features.Common;

internal static class LearnerNames
{
    /// <summary>A name as a public page shows it: 张*明, 李*, W**g — enough to recognise, not enough to find.</summary>
    public static string Masked(string name)
    {
        var text = (name ?? "").Trim();
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        return letters.Length switch
        {
            0 => "",
            1 => text,
            2 => text[..letters[1]] + "*",
            _ => text[..letters[1]] + new string('*', letters.Length - 2) + text[letters[^1]..],
        };
    }
}
