using MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDocsfyMessaging(bus => bus.AddConsumers(typeof(Program).Assembly));
builder.AddRepositoryCloning();

var app = builder.Build();

// The worker serves no API; its HTTP endpoint exists so the app host can health-check it (bus connected).
app.MapDefaultEndpoints();

app.Run();
