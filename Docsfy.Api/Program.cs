var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDocsfyMessaging(bus => { });

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
