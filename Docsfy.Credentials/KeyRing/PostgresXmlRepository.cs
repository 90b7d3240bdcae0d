using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Docsfy.Credentials.KeyRing;

/// <summary>
/// Data Protection's key ring in the <c>data_protection_keys</c> table, so every API replica and the worker share one
/// (a key one replica creates opens, everywhere, what it protected). Data Protection calls this synchronously, rarely (at
/// first use, on its refresh period, and when a payload names a key it has not seen yet).
/// </summary>
internal sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("select xml from data_protection_keys order by id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = dataSource.CreateCommand("insert into data_protection_keys (friendly_name, xml) values (@name, @xml)");
        command.Parameters.AddWithValue("name", friendlyName ?? "");
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
