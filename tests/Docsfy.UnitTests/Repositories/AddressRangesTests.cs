using System.Net;
using Docsfy.Contracts.Repositories;

namespace Docsfy.UnitTests.Repositories;

public sealed class AddressRangesTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.255.255.255")]
    [InlineData("100.127.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("198.19.0.1")]
    [InlineData("198.51.100.7")]
    [InlineData("239.255.255.250")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("fc00::1")]
    [InlineData("fe80::1%2")]
    [InlineData("fec0::1")]
    [InlineData("ff0e::1")]
    [InlineData("100::1")]
    [InlineData("2001::1")]
    [InlineData("2001:db8:1::1")]
    [InlineData("3fff::1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:c0a8:0101::1")]
    public void Non_global_addresses(string address) => Assert.True(AddressRanges.IsNonGlobal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("140.82.112.3")]
    [InlineData("::ffff:140.82.112.3")]
    [InlineData("2606:4700::1111")]
    [InlineData("2a00:1450:4001::200e")]
    [InlineData("64:ff9b::808:808")]
    public void Global_addresses(string address) => Assert.False(AddressRanges.IsNonGlobal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::", false)]
    public void Loopback(string address, bool loopback) => Assert.Equal(loopback, AddressRanges.IsLoopback(IPAddress.Parse(address)));
}
