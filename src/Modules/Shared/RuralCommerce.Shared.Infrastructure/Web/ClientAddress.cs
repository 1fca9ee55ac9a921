using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace RuralCommerce.Shared.Infrastructure.Web;

/// <summary>The client address that per-address limits are counted against.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The remote address; IPv6 clients by their /64 network, since one subscriber holds a whole /64 and could
    /// otherwise change address for every request.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
