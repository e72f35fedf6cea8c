//! The French messages of settings errors: which key, where it was set (file, environment
//! variable or defaults), what was given, the expected format and an example.

use figment::error::{Actual, Kind};
use figment::Figment;

/// What a key accepts and an example value, as written in TOML.
struct Format {
    expected: &'static str,
    example: &'static str,
}

const fn format(expected: &'static str, example: &'static str) -> Format {
    Format { expected, example }
}

const DURATION: Format = format("une durée avec son unité : 500ms, 10s, 15m, 1h", "\"10s\"");
const BOOLEAN: Format = format("true ou false", "true");
const AT_LEAST_ONE: Format = format("un nombre entier, au moins 1", "16");

/// The format of each known key (dotted path).
fn format_of(key: &str) -> Option<Format> {
    Some(match key {
        "server.host" => format("une adresse IP d'écoute", "\"127.0.0.1\""),
        "server.port" => format("un nombre entier de 0 à 65535 (0 : un port libre)", "8081"),
        "server.base_url" => {
            format("l'origine http(s) publique du nœud, sans chemin", "\"https://marseille.example.org\"")
        }
        "server.max_body_bytes" => format("un nombre d'octets, au moins 1024", "1048576"),
        "server.trusted_proxies" => format("une liste d'adresses IP", "[\"127.0.0.1\"]"),
        "server.tls_certificate" => format("le chemin d'un fichier PEM", "\"/etc/maillage/fullchain.pem\""),
        "server.tls_key" => format("le chemin d'un fichier PEM", "\"/etc/maillage/privkey.pem\""),
        "node.username" => format("des minuscules ASCII, des chiffres, « - » ou « _ »", "\"marseille\""),
        "node.display_name" => format("un texte non vide", "\"Métropole Aix-Marseille-Provence\""),
        "node.summary" => format("un texte", "\"Fiches projet et retours d'expérience du territoire.\""),
        "node.territory" => format("des codes de lieu séparés par des virgules, ou un texte", "\"epci:200054807\""),
        "database.path" => format("le chemin du fichier SQLite", "\"maillage.db\""),
        "federation.allow_http"
        | "federation.allow_private_addresses"
        | "federation.auto_accept_followers"
        | "federation.authorized_fetch" => BOOLEAN,
        "federation.request_timeout" | "federation.delivery_poll_interval" | "federation.reconcile_interval" => {
            DURATION
        }
        "federation.max_response_bytes" => format("un nombre d'octets", "2097152"),
        "federation.delivery_concurrency" | "federation.inbox_concurrency" | "federation.inbox_backlog_limit" => {
            AT_LEAST_ONE
        }
        "federation.policy" => format("open, blocklist ou allowlist", "\"allowlist\""),
        "federation.domains" => format("une liste de noms de domaine", "[\"ariege.example.org\"]"),
        "federation.extra_ca_certs" => format("une liste de chemins de fichiers PEM", "[\"/etc/maillage/ca.pem\"]"),
        "federation.resolve" => format("une table nom d'hôte = \"adresse:port\"", "{ \"a.test\" = \"10.0.0.5:443\" }"),
        "media.directory" => format(
            "le chemin d'un dossier (vide : à côté de la base, « maillage.db.media »)",
            "\"/var/lib/maillage/media\"",
        ),
        "media.max_image_bytes" | "media.max_document_bytes" | "media.quota_bytes" => {
            format("un nombre d'octets", "10485760")
        }
        "media.max_image_side" => format("un nombre de pixels, au moins 16", "12000"),
        "media.max_image_megapixels" => AT_LEAST_ONE,
        "log.format" => format("text ou json", "\"json\""),
        "log.filter" => format("un filtre de journal : error, warn, info, debug ou trace, par module", "\"info\""),
        _ => {
            if key.starts_with("federation.resolve.") {
                format("une adresse et un port", "\"10.0.0.5:443\"")
            } else {
                return None;
            }
        }
    })
}

/// Where a value came from, in French.
pub(super) fn origin(error: &figment::Error) -> String {
    let Some(metadata) = &error.metadata else { return "réglages".into() };
    match &metadata.source {
        Some(figment::Source::File(path)) => format!("fichier {}", path.display()),
        _ if metadata.name.contains("environment") => {
            let parts: Vec<String> = error.path.iter().map(|part| part.to_uppercase()).collect();
            format!("variable d'environnement MAILLAGE__{}", parts.join("__"))
        }
        _ if metadata.name.contains("TOML") => "réglages par défaut".into(),
        _ => metadata.name.to_string(),
    }
}

/// The value given for a key, as the person wrote it.
fn given(figment: &Figment, key: &str) -> Option<String> {
    let value = figment.find_value(key).ok()?;
    Some(match value {
        figment::value::Value::String(_, text) => format!("« {text} »"),
        other => match other.deserialize::<serde_json::Value>() {
            Ok(json) => format!("« {json} »"),
            Err(_) => return None,
        },
    })
}

fn actual_fr(actual: &Actual) -> String {
    match actual {
        Actual::Bool(v) => format!("« {v} » (vrai/faux)"),
        Actual::Unsigned(v) => format!("le nombre {v}"),
        Actual::Signed(v) => format!("le nombre {v}"),
        Actual::Float(v) => format!("le nombre {v}"),
        Actual::Char(v) => format!("« {v} »"),
        Actual::Str(v) => format!("le texte « {v} »"),
        Actual::Seq => "une liste".into(),
        Actual::Map => "une table".into(),
        Actual::Unit | Actual::Option => "une valeur vide".into(),
        _ => "cette valeur".into(),
    }
}

/// A TOML syntax error keeps only its position and the quoted line (the parser's own
/// explanation is in English).
fn toml_syntax(message: &str) -> Option<String> {
    let position = message.split_once("at line ")?.1;
    let (line, rest) = position.split_once(", column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let quoted: Vec<&str> = message.lines().filter(|l| l.contains('|')).collect();
    Some(format!("TOML mal formé, ligne {line}, colonne {column}\n{}", quoted.join("\n")))
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
                    (key, format!("clé inconnue ; clés possibles ici : {}", allowed.join(", ")))
                }
                Kind::MissingField(field) => {
                    let key = if key.is_empty() { field.to_string() } else { format!("{key}.{field}") };
                    (key, "réglage manquant".to_owned())
                }
                Kind::UnknownVariant(value, allowed) => {
                    (key, format!("« {value} » n'est pas une valeur possible ({})", allowed.join(", ")))
                }
                Kind::InvalidType(actual, _) | Kind::InvalidValue(actual, _) => {
                    (key.clone(), format!("{} n'est pas accepté", given(figment, &key).unwrap_or(actual_fr(actual))))
                }
                Kind::Message(message) if key.is_empty() => {
                    (String::new(), toml_syntax(message).unwrap_or_else(|| message.clone()))
                }
                _ => (key.clone(), format!("{} n'est pas accepté", given(figment, &key).unwrap_or("la valeur".into()))),
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
    Some(format!(
        "attendu : {}. Exemple : `{name} = {}` dans la section [{section}] du fichier de réglages, ou {variable}={bare}",
        format.expected, format.example
    ))
}
