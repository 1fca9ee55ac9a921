using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RuralCommerce.SharedKernel;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>
/// Enforces, before a handler runs, every limit the OpenAPI document declares: the document is generated from the
/// validation attributes of the request bodies and parameters (<c>[Required]</c>, <c>[MaxLength]</c>, <c>[Range]</c>,
/// <see cref="OneOfNamesAttribute"/>…), and this filter checks those same attributes, so the two cannot drift. A
/// broken limit is 400 with the field errors (JSON names, <c>lines[0].quantity</c>), whatever the route's ids name.
/// Handlers keep their own rules beyond these (a unit's decimals, a day in the future…).
/// </summary>
public static class RequestValidation
{
    public static TBuilder ValidateDeclaredLimits<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(static (context, next) =>
        {
            var checks = context.MethodInfo.GetParameters()
                .Select((parameter, index) => ArgumentCheck.For(parameter, index))
                .OfType<ArgumentCheck>()
                .ToArray();
            return checks.Length == 0 ? next : invocation =>
            {
                var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var check in checks)
                {
                    check.Validate(invocation.Arguments[check.Index], errors);
                }

                return errors.Count == 0
                    ? next(invocation)
                    : throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
            };
        });

    /// <summary>One handler argument: a parameter with attributes of its own, or a body or parameter set to walk.</summary>
    private sealed record ArgumentCheck(int Index, string Name, ValidationAttribute[] Attributes, TypeShape? Shape)
    {
        public static ArgumentCheck? For(ParameterInfo parameter, int index)
        {
            var attributes = parameter.GetCustomAttributes<ValidationAttribute>().ToArray();
            var walked = parameter.IsDefined(typeof(AsParametersAttribute)) || parameter.IsDefined(typeof(FromBodyAttribute))
                || IsRequestType(ElementType(parameter.ParameterType) ?? parameter.ParameterType);
            var shape = walked ? TypeShape.Of(parameter.ParameterType, parameter.IsDefined(typeof(AsParametersAttribute))) : null;
            return attributes.Length == 0 && shape is null
                ? null
                : new ArgumentCheck(index, QueryName(parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!), attributes, shape);
        }

        public void Validate(object? value, Dictionary<string, List<string>> errors)
        {
            Check(Attributes, value, null, Name, errors);
            Shape?.Validate(value, "", errors);
        }
    }

    /// <summary>The validated members of a request type, and of the request types it holds, found once per type.</summary>
    private sealed class TypeShape
    {
        private static readonly Dictionary<(Type, bool), TypeShape?> Shapes = [];
        private static readonly Lock Gate = new();

        private readonly List<(PropertyInfo Property, string Name, ValidationAttribute[] Attributes, TypeShape? Inner)> _members = [];
        private TypeShape? _items;

        public static TypeShape? Of(Type type, bool asParameters = false)
        {
            lock (Gate)
            {
                return Build(type, asParameters, []);
            }
        }

        private static TypeShape? Build(Type type, bool asParameters, HashSet<Type> visiting)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (Shapes.TryGetValue((type, asParameters), out var known))
            {
                return known;
            }

            TypeShape? shape = null;
            if (ElementType(type) is { } element)
            {
                var items = IsModelType(element) && visiting.Add(element) ? Build(element, false, visiting) : null;
                shape = items is null ? null : new TypeShape { _items = items };
            }
            else if (asParameters || IsModelType(type))
            {
                visiting.Add(type);
                shape = new TypeShape();
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    var inner = visiting.Contains(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
                        ? null
                        : Build(property.PropertyType, false, visiting);
                    var attributes = property.GetCustomAttributes<ValidationAttribute>().ToArray();
                    if (attributes.Length > 0 || inner is not null)
                    {
                        shape._members.Add((property, asParameters ? QueryName(property) : JsonName(property), attributes, inner));
                    }
                }

                shape = shape._members.Count == 0 ? null : shape;
            }

            Shapes[(type, asParameters)] = shape;
            return shape;
        }

        public void Validate(object? value, string path, Dictionary<string, List<string>> errors)
        {
            if (value is null)
            {
                return;
            }

            if (_items is not null)
            {
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    _items.Validate(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), errors);
                }

                return;
            }

            foreach (var (property, name, attributes, inner) in _members)
            {
                var field = path.Length == 0 ? name : $"{path}.{name}";
                var memberValue = property.GetValue(value);
                Check(attributes, memberValue, value, field, errors);
                inner?.Validate(memberValue, field, errors);
            }
        }
    }

    private static void Check(ValidationAttribute[] attributes, object? value, object? container, string field, Dictionary<string, List<string>> errors)
    {
        foreach (var attribute in attributes)
        {
            var context = new ValidationContext(container ?? new object()) { DisplayName = field, MemberName = field };
            if (attribute.GetValidationResult(value, context) is not null)
            {
                var message = Message(attribute, value, field);
                if (!errors.TryGetValue(field, out var messages))
                {
                    errors[field] = messages = [];
                }

                messages.Add(message);
            }
        }
    }

    /// <summary>The house's wording of a broken limit (the framework's speaks of "string or array type").</summary>
    private static string Message(ValidationAttribute attribute, object? value, string field) => FormattableString.Invariant(attribute switch
    {
        _ when attribute.ErrorMessage is not null => $"{attribute.FormatErrorMessage(field)}",
        RequiredAttribute => $"{field} is required.",
        MaxLengthAttribute max when value is string => $"{field} must be at most {max.Length:N0} characters.",
        MaxLengthAttribute max => $"{field} may list at most {max.Length:N0} items.",
        MinLengthAttribute min when value is string => $"{field} must be at least {min.Length:N0} characters.",
        MinLengthAttribute min => $"{field} must list at least {min.Length:N0} item{(min.Length == 1 ? "" : "s")}.",
        StringLengthAttribute length => $"{field} must be {length.MinimumLength:N0} to {length.MaximumLength:N0} characters.",
        RangeAttribute range => $"{field} must be from {range.Minimum} to {range.Maximum}.",
        RegularExpressionAttribute => $"{field} is not in the expected form.",
        _ => $"{attribute.FormatErrorMessage(field)}",
    });

    /// <summary>The house convention the document's schema transformer also follows: request bodies end in "Request".</summary>
    private static bool IsRequestType(Type type) =>
        type.IsClass && type.Name.EndsWith("Request", StringComparison.Ordinal)
        && type.Namespace?.StartsWith("RuralCommerce", StringComparison.Ordinal) == true;

    /// <summary>A type of the API's own (a request, or a part of one such as an address), as opposed to a framework type.</summary>
    private static bool IsModelType(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("RuralCommerce", StringComparison.Ordinal) == true;

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static string QueryName(PropertyInfo property) =>
        QueryName(property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name);

    private static string QueryName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
