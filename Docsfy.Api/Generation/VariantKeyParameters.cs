using Docsfy.Contracts;
using Npgsql;

namespace Docsfy.Api.Generation;

/// <summary>Binds a variant's identity as <c>@name</c>, <c>@branch</c>, <c>@provider</c>, <c>@model</c> and <c>@owner</c>.</summary>
public static class VariantKeyParameters
{
    public static void AddVariantKey(this NpgsqlParameterCollection parameters, VariantKey variant)
    {
        parameters.AddWithValue("name", variant.Name);
        parameters.AddWithValue("branch", variant.Branch);
        parameters.AddWithValue("provider", variant.Provider);
        parameters.AddWithValue("model", variant.Model);
        parameters.AddWithValue("owner", variant.Owner);
    }
}
