using Microsoft.Extensions.Options;
using MimeKit;

namespace WarrantyPortal.Features.Notifications;

/// <summary>Writes each message as an .eml file: the default when no SMTP server is configured.</summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, IHostEnvironment env) : IMailTransport
{
    public string Directory => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.PickupDirectory));

    public string Name => $"pickup folder {Directory}";

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(Directory, name));
    }
}
