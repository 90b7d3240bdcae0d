namespace Docsfy.Api.Refresh.Webhooks;

/// <summary>Which kind of host sent a delivery, told by its headers; each proves the secret its own way.</summary>
public enum WebhookHost
{
    /// <summary><c>X-GitHub-Event</c>; <c>X-Hub-Signature-256: sha256=&lt;HMAC-SHA256 of the body&gt;</c>.</summary>
    GitHub,

    /// <summary><c>X-Gitlab-Event</c>; <c>X-Gitlab-Token: &lt;secret&gt;</c>.</summary>
    GitLab,

    /// <summary><c>X-Gitea-Event</c> or <c>X-Forgejo-Event</c>; <c>X-Gitea-Signature</c> (<c>X-Forgejo-Signature</c>): the hex HMAC-SHA256 of the body.</summary>
    Gitea,

    /// <summary><c>X-Event-Key</c>; <c>X-Hub-Signature: sha256=&lt;HMAC-SHA256 of the body&gt;</c>.</summary>
    Bitbucket,

    /// <summary>Anything else: <c>Authorization: Bearer &lt;secret&gt;</c> and a body <c>{"ref": "refs/heads/…"}</c>.</summary>
    Generic,
}
