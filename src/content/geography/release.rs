//! A release of `@etalab/decoupage-administratif` (its `data/*.json` files) turned into
//! the reference file the binary ships (`maillage geography import`).

use std::collections::{BTreeSet, HashMap};

/// The files of a release of `@etalab/decoupage-administratif` (`data/*.json`).
pub struct ReleaseFiles<'a> {
    pub regions: &'a str,
    pub departements: &'a str,
    pub epci: &'a str,
    pub communes: &'a str,
}

/// Turns a release of `@etalab/decoupage-administratif` into the shipped format, one
/// place per line, parents before children:
/// `R code name`, `D code name region`, `E siren name départements population`,
/// `C code name département epci population` (tab-separated).
pub fn build_reference_file(files: &ReleaseFiles<'_>, source: &str) -> Result<String, String> {
    use serde_json::Value;
    let parse = |name: &str, text: &str| -> Result<Vec<Value>, String> {
        serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
    };
    let text = |v: &Value, field: &str| v.get(field).and_then(Value::as_str).unwrap_or_default().to_owned();
    let number = |v: &Value, field: &str| v.get(field).and_then(Value::as_u64).unwrap_or(0);
    let mut out = format!("#source\t{source}\n");
    let regions = parse("regions.json", files.regions)?;
    let departements = parse("departements.json", files.departements)?;
    let kept = |v: &Value| matches!(v.get("zone").and_then(Value::as_str), Some("metro" | "drom"));
    for r in regions.iter().filter(|r| kept(r)) {
        out.push_str(&format!("R\t{}\t{}\n", text(r, "code"), text(r, "nom")));
    }
    let mut known_departements = BTreeSet::new();
    for d in departements.iter().filter(|d| kept(d)) {
        known_departements.insert(text(d, "code"));
        out.push_str(&format!("D\t{}\t{}\t{}\n", text(d, "code"), text(d, "nom"), text(d, "region")));
    }
    let communes = parse("communes.json", files.communes)?;
    let departement_of: HashMap<String, String> =
        communes.iter().map(|c| (text(c, "code"), text(c, "departement"))).collect();
    let mut epci_of = HashMap::new();
    for e in &parse("epci.json", files.epci)? {
        let members = e.get("membres").and_then(Value::as_array).cloned().unwrap_or_default();
        let deps: BTreeSet<String> = members
            .iter()
            .filter_map(|m| departement_of.get(&text(m, "code")).cloned())
            .filter(|d| known_departements.contains(d))
            .collect();
        if deps.is_empty() {
            continue;
        }
        for m in &members {
            epci_of.insert(text(m, "code"), text(e, "code"));
        }
        let deps: Vec<String> = deps.into_iter().collect();
        let population = number(e, "populationTotale");
        out.push_str(&format!("E\t{}\t{}\t{}\t{population}\n", text(e, "code"), text(e, "nom"), deps.join(",")));
    }
    for c in communes.iter().filter(|c| kept(c) && c.get("type").and_then(Value::as_str) == Some("commune-actuelle")) {
        let (code, departement) = (text(c, "code"), text(c, "departement"));
        if !known_departements.contains(&departement) {
            continue;
        }
        let epci = epci_of.get(&code).cloned().unwrap_or_default();
        let population = number(c, "population");
        out.push_str(&format!("C\t{code}\t{}\t{departement}\t{epci}\t{population}\n", text(c, "nom")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::geography::reference::{Reference, FRANCE};

    #[test]
    fn a_release_becomes_the_shipped_format() {
        let files = ReleaseFiles {
            regions: r#"[{"code":"76","nom":"Occitanie","zone":"metro"},{"code":"975","nom":"SPM","zone":"com"}]"#,
            departements: r#"[{"code":"09","region":"76","nom":"Ariège","zone":"metro"}]"#,
            epci: r#"[{"code":"200066231","nom":"CA Pays Foix-Varilhes","populationTotale":32000,"membres":[{"code":"09122"}]}]"#,
            communes: r#"[{"code":"09122","nom":"Foix","departement":"09","zone":"metro","type":"commune-actuelle","population":9600},
                          {"code":"09999","nom":"Ancienne","departement":"09","zone":"metro","type":"commune-deleguee"}]"#,
        };
        let text = build_reference_file(&files, "test 1.0").expect("builds");
        assert_eq!(
            text,
            "#source\ttest 1.0\nR\t76\tOccitanie\nD\t09\tAriège\t76\nE\t200066231\tCA Pays Foix-Varilhes\t09\t32000\nC\t09122\tFoix\t09\t200066231\t9600\n"
        );
        let reference = Reference::parse(&text).expect("parses");
        assert_eq!(
            reference.with_parents("commune:09122"),
            ["commune:09122", "epci:200066231", "departement:09", "region:76", FRANCE]
        );
    }
}
