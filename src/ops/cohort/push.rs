//! `--push URL_TEMPLATE`: each new repo's `main` and `bec/template` pushed to its own remote,
//! with libgit2, as the remote `origin`.
//!
//! The template is a URL (`file:///srv/git/{handle}.git`, `ssh://…`, `https://…`), an scp-like
//! address (`git@host:class/{handle}.git`) or a local path (`../remotes/{handle}.git`); a relative
//! path is made absolute so the repo's `origin` keeps working from inside the repo. The remote
//! must exist (a bare repo, or an empty project on a git host); a refused branch is a failure.

use std::cell::RefCell;
use std::path::Path;

#[cfg(feature = "network")]
use git2::{Cred, CredentialType};
use git2::{PushOptions, RemoteCallbacks, Repository};

use crate::error::UserError;

/// The placeholder replaced by each learner's handle.
pub const HANDLE_PLACEHOLDER: &str = "{handle}";

/// The branches pushed, each to the same name on the remote.
const REFSPECS: [&str; 2] = [
    "refs/heads/main:refs/heads/main",
    "refs/heads/bec/template:refs/heads/bec/template",
];

/// Refuses a template without `{handle}` (every repo would go to the same remote), and a network
/// remote when this bec was built without the `network` feature.
pub fn check_url_template(template: &str) -> Result<(), UserError> {
    if !template.contains(HANDLE_PLACEHOLDER) {
        return Err(UserError::BadPushUrl {
            given: template.to_string(),
        });
    }
    if !cfg!(feature = "network") && !is_local_path(template) && !template.starts_with("file://") {
        return Err(UserError::NoNetworkTransport {
            given: template.to_string(),
        });
    }
    Ok(())
}

/// The remote URL of one learner: `{handle}` replaced, a relative local path made absolute.
pub fn url_for(template: &str, handle: &str) -> String {
    let url = template.replace(HANDLE_PLACEHOLDER, handle);
    if is_local_path(&url)
        && let Ok(absolute) = std::path::absolute(&url)
    {
        return absolute.display().to_string();
    }
    url
}

/// Not `scheme://…` and not scp-like `host:path` (a `:` before the first `/`).
fn is_local_path(url: &str) -> bool {
    if url.contains("://") {
        return false;
    }
    match (url.find(':'), url.find('/')) {
        (Some(colon), Some(slash)) => colon > slash,
        (Some(_), None) => false,
        _ => true,
    }
}

/// Adds `origin` at `url` to the repo in `repo_dir` and pushes `main` and `bec/template` to it.
/// The error is one line, for the summary.
pub fn push_learner_repo(repo_dir: &Path, url: &str) -> Result<(), String> {
    let repo = Repository::open(repo_dir).map_err(|e| e.message().to_string())?;
    let mut remote = match repo.find_remote("origin") {
        Ok(remote) if remote.url().ok() == Some(url) => remote,
        Ok(_) => return Err("the repo already has another `origin` remote".to_string()),
        Err(_) => repo
            .remote("origin", url)
            .map_err(|e| format!("`{url}` is not a usable remote: {}", e.message()))?,
    };
    let refused = RefCell::new(Vec::new());
    let mut callbacks = RemoteCallbacks::new();
    #[cfg(feature = "network")]
    let mut attempts = 0;
    #[cfg(feature = "network")]
    callbacks.credentials(move |remote_url, username, allowed| {
        // libgit2 asks again after a refusal: stop instead of looping.
        attempts += 1;
        if attempts > 3 {
            return Err(git2::Error::from_str(
                "authentication failed: check your ssh agent (ssh-add -l) or git credential helper",
            ));
        }
        credentials(remote_url, username, allowed)
    });
    callbacks.push_update_reference(|reference, status| {
        if let Some(why) = status {
            refused.borrow_mut().push(format!("{reference} refused ({why})"));
        }
        Ok(())
    });
    let mut options = PushOptions::new();
    options.remote_callbacks(callbacks);
    remote
        .push(&REFSPECS, Some(&mut options))
        .map_err(|e| format!("push to {url} failed: {}", e.message()))?;
    drop(options);
    let refused = refused.into_inner();
    if refused.is_empty() {
        Ok(())
    } else {
        Err(format!("push to {url}: {}", refused.join("; ")))
    }
}

/// Credentials the way git finds them: the ssh agent for ssh, the credential helper for https.
#[cfg(feature = "network")]
fn credentials(url: &str, username: Option<&str>, allowed: CredentialType) -> Result<Cred, git2::Error> {
    if allowed.contains(CredentialType::USERNAME) {
        return Cred::username(username.unwrap_or("git"));
    }
    if allowed.contains(CredentialType::SSH_KEY) {
        return Cred::ssh_key_from_agent(username.unwrap_or("git"));
    }
    if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) {
        let config = git2::Config::open_default()?;
        return Cred::credential_helper(&config, url, username);
    }
    Cred::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_their_form_and_relative_paths_become_absolute() {
        assert_eq!(
            url_for("file:///srv/git/{handle}.git", "ada"),
            "file:///srv/git/ada.git"
        );
        assert_eq!(url_for("git@host:class/{handle}.git", "ada"), "git@host:class/ada.git");
        assert_eq!(url_for("https://h/x/{handle}", "ada"), "https://h/x/ada");
        assert_eq!(url_for("/srv/{handle}.git", "ada"), "/srv/ada.git");
        assert!(Path::new(&url_for("remotes/{handle}.git", "ada")).is_absolute());
        assert!(check_url_template("file:///srv/git/class.git").is_err());
    }
}
