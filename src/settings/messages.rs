//! The French messages of settings errors: which key, where it was set (file, environment
//! variable or defaults), what was given, the expected format and an example.

use crate::i18n::Message;
use crate::msg;
use figment::error::{Actual, Kind};
use figment::Figment;

/// What a key accepts and an example value, as written in TOML.
struct Format {
    expected: Message,
    example: &'static str,
}

fn format(expected: Message, example: &'static str) -> Format {
    Format { expected, example }
}

/// The format of each known key (dotted path).
fn format_of(key: &str) -> Option<Format> {
    Some(match key {
        "server.host" => format(msg!("settings-expected-listen-address"), "\"127.0.0.1\""),
        "server.port" => format(msg!("settings-expected-port"), "8081"),
        "server.base_url" => format(msg!("settings-expected-base-url"), "\"https://marseille.example.org\""),
        "server.max_body_bytes" => format(msg!("settings-expected-max-body"), "1048576"),
        "server.trusted_proxies" => format(msg!("settings-expected-ip-list"), "[\"127.0.0.1\"]"),
        "server.tls_certificate" => format(msg!("settings-expected-pem-file"), "\"/etc/maillage/fullchain.pem\""),
        "server.tls_key" => format(msg!("settings-expected-pem-file"), "\"/etc/maillage/privkey.pem\""),
        "node.username" => format(msg!("settings-expected-username"), "\"marseille\""),
        "node.display_name" => format(msg!("settings-expected-display-name"), "\"Métropole Aix-Marseille-Provence\""),
        "node.summary" => {
            format(msg!("settings-expected-text"), "\"Fiches projet et retours d'expérience du territoire.\"")
        }
        "node.territory" => format(msg!("settings-expected-territory"), "\"epci:200054807\""),
        "database.path" => format(msg!("settings-expected-database-path"), "\"maillage.db\""),
        "federation.allow_http"
        | "federation.allow_private_addresses"
        | "federation.auto_accept_followers"
        | "federation.authorized_fetch" => format(msg!("settings-expected-boolean"), "true"),
        "federation.request_timeout" | "federation.delivery_poll_interval" | "federation.reconcile_interval" => {
            format(msg!("settings-expected-duration"), "\"10s\"")
        }
        "federation.max_response_bytes" => format(msg!("settings-expected-bytes"), "2097152"),
        "federation.delivery_concurrency"
        | "federation.inbox_concurrency"
        | "federation.inbox_backlog_limit"
        | "media.max_image_megapixels" => format(msg!("settings-expected-at-least-one"), "16"),
        "federation.policy" => format(msg!("settings-expected-policy"), "\"allowlist\""),
        "federation.domains" => format(msg!("settings-expected-domains"), "[\"ariege.example.org\"]"),
        "federation.extra_ca_certs" => format(msg!("settings-expected-ca-certs"), "[\"/etc/maillage/ca.pem\"]"),
        "federation.resolve" => format(msg!("settings-expected-resolve"), "{ \"a.test\" = \"10.0.0.5:443\" }"),
        "media.directory" => format(msg!("settings-expected-media-directory"), "\"/var/lib/maillage/media\""),
        "media.max_image_bytes" | "media.max_document_bytes" | "media.quota_bytes" => {
            format(msg!("settings-expected-bytes"), "10485760")
        }
        "media.max_image_side" => format(msg!("settings-expected-image-side"), "12000"),
        "log.format" => format(msg!("settings-expected-log-format"), "\"json\""),
        "log.filter" => format(msg!("settings-expected-log-filter"), "\"info\""),
        _ => {
            if key.starts_with("federation.resolve.") {
                format(msg!("settings-expected-resolve-entry"), "\"10.0.0.5:443\"")
            } else {
                return None;
            }
        }
    })
}

/// Where a value came from, in French.
pub(super) fn origin(error: &figment::Error) -> String {
    let Some(metadata) = &error.metadata else { return msg!("settings-origin-settings").to_string() };
    match &metadata.source {
        Some(figment::Source::File(path)) => {
            msg!("settings-origin-file", path = path.display().to_string()).to_string()
        }
        _ if metadata.name.contains("environment") => {
            let parts: Vec<String> = error.path.iter().map(|part| part.to_uppercase()).collect();
            msg!("settings-origin-env", variable = format!("MAILLAGE__{}", parts.join("__"))).to_string()
        }
        _ if metadata.name.contains("TOML") => msg!("settings-origin-defaults").to_string(),
        _ => metadata.name.to_string(),
    }
}

/// The value given for a key, as the person wrote it.
fn given(figment: &Figment, key: &str) -> Option<String> {
    let value = figment.find_value(key).ok()?;
    Some(match value {
        figment::value::Value::String(_, text) => msg!("settings-quoted", value = text).to_string(),
        other => match other.deserialize::<serde_json::Value>() {
            Ok(json) => msg!("settings-quoted", value = json.to_string()).to_string(),
            Err(_) => return None,
        },
    })
}

fn actual_fr(actual: &Actual) -> String {
    match actual {
        Actual::Bool(v) => msg!("settings-actual-bool", value = v.to_string()),
        Actual::Unsigned(v) => msg!("settings-actual-number", value = v.to_string()),
        Actual::Signed(v) => msg!("settings-actual-number", value = v.to_string()),
        Actual::Float(v) => msg!("settings-actual-number", value = v.to_string()),
        Actual::Char(v) => msg!("settings-quoted", value = v.to_string()),
        Actual::Str(v) => msg!("settings-actual-text", value = v),
        Actual::Seq => msg!("settings-actual-list"),
        Actual::Map => msg!("settings-actual-table"),
        Actual::Unit | Actual::Option => msg!("settings-actual-empty"),
        _ => msg!("settings-actual-other"),
    }
    .to_string()
}

/// A TOML syntax error keeps only its position and the quoted line (the parser's own
/// explanation is in English).
fn toml_syntax(message: &str) -> Option<String> {
    let position = message.split_once("at line ")?.1;
    let (line, rest) = position.split_once(", column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let quoted: Vec<&str> = message.lines().filter(|l| l.contains('|')).collect();
    Some(format!("{}\n{}", msg!("settings-toml-syntax", line = line, column = column), quoted.join("\n")))
}

/// One French sentence per error of `error` (figment reports several at once).
pub(super) fn describe(figment: &Figment, error: figment::Error) -> Vec<super::SettingsError> {
    error
        .into_iter()
        .map(|e| {
            let origin = origin(&e);
            let key = e.path.join(".");
            let (key, problem) = match &e.kind {
                Kind::UnknownField(field, allowed) => {
                    let key =
                        if key.is_empty() || key.ends_with(field.as_str()) { key } else { format!("{key}.{field}") };
                    (key, msg!("settings-unknown-key", allowed = allowed.join(", ")).to_string())
                }
                Kind::MissingField(field) => {
                    let key = if key.is_empty() { field.to_string() } else { format!("{key}.{field}") };
                    (key, msg!("settings-missing").to_string())
                }
                Kind::UnknownVariant(value, allowed) => {
                    (key, msg!("settings-unknown-variant", value = value, allowed = allowed.join(", ")).to_string())
                }
                Kind::InvalidType(actual, _) | Kind::InvalidValue(actual, _) => {
                    let value = given(figment, &key).unwrap_or_else(|| actual_fr(actual));
                    (key, msg!("settings-not-accepted", value = value).to_string())
                }
                Kind::Message(message) if key.is_empty() => {
                    (String::new(), toml_syntax(message).unwrap_or_else(|| message.clone()))
                }
                _ => {
                    let value = given(figment, &key).unwrap_or_else(|| msg!("settings-actual-the-value").to_string());
                    (key, msg!("settings-not-accepted", value = value).to_string())
                }
            };
            super::SettingsError::new(&key, problem).with_origin(origin)
        })
        .collect()
}

/// The expected format and an example, for a key with a known format: both as written in a
/// settings file and as an environment variable.
pub(super) fn hint(key: &str) -> Option<String> {
    let format = format_of(key)?;
    let (section, name) = key.split_once('.')?;
    let name = name.split('.').next().unwrap_or(name);
    let variable = format!("MAILLAGE__{}__{}", section.to_uppercase(), name.to_uppercase());
    let bare = format.example.trim_matches('"');
    Some(
        msg!(
            "settings-hint",
            expected = format.expected.to_string(),
            name = name,
            example = format.example,
            section = section,
            variable = variable,
            bare = bare
        )
        .to_string(),
    )
}
