using Docsfy.MigrationService;
using Docsfy.Schema;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDataSource(MigrationWorker.ConnectionName);
builder.Services.AddOptions<MigrationOptions>().BindConfiguration(MigrationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<Migrator>();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
