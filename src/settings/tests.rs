//! Settings read from their layers, and the French messages of what is refused.

use super::*;
use figment::providers::Serialized;

#[test]
fn the_shipped_defaults_load() {
    let settings = Settings::from_figment(Settings::figment(None)).expect("defaults must load");
    assert_eq!(settings.server.port, 8080);
    assert!(!settings.federation.allow_http, "production default is https only");
}

#[test]
fn a_wrong_type_names_the_key() {
    let figment = Settings::figment(None).merge(Serialized::default("server.port", "huit"));
    let error = Settings::from_figment(figment).expect_err("a port must be a number");
    assert_eq!(error.key, "server.port");
}

#[test]
fn an_unknown_key_is_refused() {
    let figment = Settings::figment(None).merge(Serialized::default("server.prot", 80));
    let error = Settings::from_figment(figment).expect_err("unknown keys are refused");
    assert!(error.to_string().contains("prot"), "{error}");
}

#[test]
fn a_certificate_without_its_key_is_refused() {
    let figment = Settings::figment(None).merge(Serialized::default("server.tls_certificate", "/etc/cert.pem"));
    let error = Settings::from_figment(figment).expect_err("the key is missing");
    assert_eq!(error.key, "server.tls_key");
}

#[test]
fn the_hosts_table_takes_socket_addresses() {
    let figment = Settings::figment(None)
        .merge(Serialized::default("federation.resolve", BTreeMap::from([("a.test", "127.0.0.1:8443")])));
    let settings = Settings::from_figment(figment).expect("a valid hosts table");
    assert_eq!(settings.federation.resolve["a.test"], "127.0.0.1:8443".parse().expect("an address"));
    let figment = Settings::figment(None)
        .merge(Serialized::default("federation.resolve", BTreeMap::from([("A.test", "127.0.0.1:0")])));
    let error = Settings::from_figment(figment).expect_err("an upper-case host never matches a URL");
    assert_eq!(error.key, "federation.resolve.A.test");
}

#[test]
fn the_default_log_filter_matches_the_shipped_file() {
    let settings = Settings::from_figment(Settings::figment(None)).expect("defaults must load");
    assert_eq!(settings.log.filter, DEFAULT_LOG_FILTER);
    assert_eq!(settings.log.quieter_by_default().filter, "warn");
}

#[test]
fn an_invalid_username_names_the_key() {
    let figment = Settings::figment(None).merge(Serialized::default("node.username", "Marseille Nord"));
    let error = Settings::from_figment(figment).expect_err("spaces are refused");
    assert_eq!(error.key, "node.username");
}
