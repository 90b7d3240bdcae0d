using System.Net;
using System.Net.Sockets;

namespace Docsfy.Contracts.Repositories;

/// <summary>
/// Classifies IP addresses as globally routable or not. IPv6 is an allow-list (only 2000::/3 minus its special blocks),
/// so an address family nobody thought of fails closed. Addresses that embed an IPv4 address (mapped, NAT64, 6to4) are
/// judged by the embedded address, since that is where a packet ends up.
/// </summary>
public static class AddressRanges
{
    private static readonly (uint Network, int Prefix)[] NonGlobalV4 =
    [
        (V4(0, 0, 0, 0), 8),        // "this network", unspecified
        (V4(10, 0, 0, 0), 8),       // private
        (V4(100, 64, 0, 0), 10),    // carrier-grade NAT
        (V4(127, 0, 0, 0), 8),      // loopback
        (V4(169, 254, 0, 0), 16),   // link-local (cloud metadata endpoints live here)
        (V4(172, 16, 0, 0), 12),    // private
        (V4(192, 0, 0, 0), 24),     // IETF protocol assignments
        (V4(192, 0, 2, 0), 24),     // documentation
        (V4(192, 88, 99, 0), 24),   // 6to4 relay anycast
        (V4(192, 168, 0, 0), 16),   // private
        (V4(198, 18, 0, 0), 15),    // benchmarking
        (V4(198, 51, 100, 0), 24),  // documentation
        (V4(203, 0, 113, 0), 24),   // documentation
        (V4(224, 0, 0, 0), 4),      // multicast
        (V4(240, 0, 0, 0), 4),      // reserved, broadcast
    ];

    private static readonly (UInt128 Network, int Prefix)[] NonGlobalInsideV6Global =
    [
        (V6(0x2001, 0x0000), 23),   // IETF protocol assignments (Teredo, ORCHIDs, benchmarking...)
        (V6(0x2001, 0x0db8), 32),   // documentation
        (V6(0x3fff, 0x0000), 20),   // documentation (RFC 9637)
    ];

    /// <summary>True for loopback addresses: 127.0.0.0/8, ::1 and their IPv4-mapped forms.</summary>
    public static bool IsLoopback(IPAddress address) =>
        Embedded(address) is { } v4 ? InV4(v4, V4(127, 0, 0, 0), 8) : address.Equals(IPAddress.IPv6Loopback);

    /// <summary>True unless the address is a globally routable unicast address.</summary>
    public static bool IsNonGlobal(IPAddress address)
    {
        if (Embedded(address) is { } v4)
        {
            return NonGlobalV4.Any(range => InV4(v4, range.Network, range.Prefix));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }
        var value = ToUInt128(address);
        // Global unicast is 2000::/3; everything else (::, ::1, fc00::/7, fe80::/10, ff00::/8, 100::/64...) is not.
        if (value >> 125 != 1)
        {
            return true;
        }
        return NonGlobalInsideV6Global.Any(range => InV6(value, range.Network, range.Prefix));
    }

    /// <summary>The IPv4 address a packet to <paramref name="address"/> would reach, or null when there is none.</summary>
    private static uint? Embedded(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ToUInt32(address);
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return ToUInt32(address.MapToIPv4());
        }
        var value = ToUInt128(address);
        // IPv4-compatible (::a.b.c.d, deprecated, but some stacks still route it) and NAT64 64:ff9b::/96.
        if ((value >> 32 == 0 && value > 1) || InV6(value, V6(0x0064, 0xff9b), 96))
        {
            return (uint)(value & 0xffffffff);
        }
        // 6to4: 2002:aabb:ccdd::/48 carries aa.bb.cc.dd.
        if (InV6(value, V6(0x2002, 0x0000), 16))
        {
            return (uint)((value >> 80) & 0xffffffff);
        }
        return null;
    }

    private static bool InV4(uint value, uint network, int prefix) =>
        prefix == 0 || (value ^ network) >> (32 - prefix) == 0;

    private static bool InV6(UInt128 value, UInt128 network, int prefix) =>
        prefix == 0 || (value ^ network) >> (128 - prefix) == 0;

    private static uint V4(byte a, byte b, byte c, byte d) => (uint)(a << 24 | b << 16 | c << 8 | d);

    private static UInt128 V6(ushort first, ushort second) => (UInt128)((ulong)first << 48 | (ulong)second << 32) << 64;

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    private static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
