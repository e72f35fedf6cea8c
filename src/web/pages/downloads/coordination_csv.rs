//! `/reseau/export/{table}.csv`: every table of the coordination part as CSV for
//! spreadsheets (French headers, a byte order mark, RFC 4180 quoting), with the région
//! filter of the page (`?region=region:76`).

use crate::content::geography::reference;
use crate::operations::{node::coordination, node::network, Node, OperationError};
use crate::web::pages::downloads::export_csv::BOM;
use crate::web::pages::public::catalogue::facet_label;
use crate::web::pages::public::coordination::{
    funding_type_label, month_label, region_param, series_name, vocabulary_of, CSV_TABLES,
};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n;
use actix_web::{web, HttpRequest, HttpResponse};

pub async fn export(
    node: web::Data<Node>,
    req: HttpRequest,
    table: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let name = table.trim_end_matches(".csv");
    if !CSV_TABLES.contains(&name) {
        return Err(PageError::NotFound);
    }
    let region = region_param(req.query_string());
    let rows = match name {
        "lineage" => lineage(&node).await?,
        "territories" => territories(&node).await?,
        "health" => health(&node).await?,
        _ => figures(&node, name, region.as_deref()).await?,
    };
    let mut writer = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    for row in rows {
        writer.write_record(&row).map_err(|e| PageError::Internal(e.into()))?;
    }
    let body = writer.into_inner().map_err(|e| PageError::Internal(e.into_error().into()))?;
    let file = match &region {
        Some(code) => format!("reseau-{name}-{}.csv", code.replace(':', "-")),
        None => format!("reseau-{name}.csv"),
    };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{file}\"")))
        .body(body))
}

async fn figures(node: &Node, name: &str, region: Option<&str>) -> Result<Vec<Vec<String>>, PageError> {
    let figures = coordination::figures(node, region)
        .await?
        .ok_or_else(|| PageError::Unavailable(i18n::t("coordination-loading")))?;
    let n = |v: u64| v.to_string();
    let rows = match name {
        "departements" => std::iter::once(vec!["Code".into(), "Département".into(), "Fiches".into()])
            .chain(figures.departements.iter().map(|(code, count)| {
                let place = reference().get(&format!("departement:{code}")).map(|p| p.name.clone()).unwrap_or_default();
                vec![code.clone(), place, n(*count)]
            }))
            .collect(),
        "regions" => {
            let mut header = vec!["Code".to_owned(), "Région".to_owned(), "Fiches".to_owned()];
            header.extend(figures.kinds.iter().map(|k| facet_label(node, "kind", k)));
            std::iter::once(header)
                .chain(figures.regions.iter().map(|r| {
                    let mut row = vec![r.code.clone(), r.name.clone(), n(r.total)];
                    row.extend(r.by_kind.iter().map(|v| n(*v)));
                    row
                }))
                .collect()
        }
        "months" => {
            let mut header = vec!["Mois".to_owned(), "Libellé".to_owned(), "Fiches publiées".to_owned()];
            header.extend(figures.months_by_region.iter().map(|(code, _)| series_name(code)));
            std::iter::once(header)
                .chain(figures.months.iter().enumerate().map(|(i, (month, count))| {
                    let mut row = vec![month.clone(), month_label(month), n(*count)];
                    row.extend(figures.months_by_region.iter().map(|(_, counts)| n(counts[i])));
                    row
                }))
                .collect()
        }
        "funding" => std::iter::once(vec![
            "Type de financement".into(),
            "Code".into(),
            "Programme".into(),
            "Montant (EUR)".into(),
            "Lignes".into(),
        ])
        .chain(figures.funding.iter().map(|f| {
            vec![
                funding_type_label(node, &f.funding_type),
                f.funding_type.clone(),
                f.programme.clone(),
                format!("{}.{:02}", f.amount_cents / 100, f.amount_cents % 100),
                f.lines.to_string(),
            ]
        }))
        .collect(),
        "overdue" => std::iter::once(vec!["Territoire".into(), "Revues en retard".into()])
            .chain(figures.overdue.iter().map(|(territory, count)| vec![territory.clone(), count.to_string()]))
            .collect(),
        facet => {
            let breakdown = figures.breakdowns.iter().find(|b| b.facet == facet).ok_or(PageError::NotFound)?;
            let vocabulary = vocabulary_of(facet).unwrap_or("kind");
            std::iter::once(vec!["Code".into(), "Libellé".into(), "Fiches".into(), "Vocabulaire".into()])
                .chain(breakdown.rows.iter().map(|(code, count)| {
                    vec![code.clone(), facet_label(node, facet, code), n(*count), vocabulary.to_owned()]
                }))
                .collect()
        }
    };
    Ok(rows)
}

/// The territories this node knows, with their items by kind and pillar.
async fn territories(node: &Node) -> Result<Vec<Vec<String>>, OperationError> {
    let view = network::network_view(node).await?;
    let kinds: Vec<&str> = crate::content::Kind::ALL.iter().map(|k| k.code()).collect();
    let pillars: Vec<String> = {
        let mut codes: Vec<String> = view.territories.iter().flat_map(|t| t.by_pillar.keys().cloned()).collect();
        codes.sort();
        codes.dedup();
        codes
    };
    let mut header = vec!["Nœud".to_owned(), "Acteur".to_owned(), "Territoire".to_owned(), "Fiches".to_owned()];
    header.extend(kinds.iter().map(|k| facet_label(node, "kind", k)));
    header.extend(pillars.iter().map(|p| facet_label(node, "pillar", p)));
    header.push("Nouvelles cette semaine".to_owned());
    Ok(std::iter::once(header)
        .chain(view.territories.iter().map(|t| {
            let mut row = vec![t.name.clone(), t.actor.clone(), t.territory.clone(), t.total.to_string()];
            row.extend(kinds.iter().map(|k| t.by_kind.get(*k).copied().unwrap_or(0).to_string()));
            row.extend(pillars.iter().map(|p| t.by_pillar.get(p).copied().unwrap_or(0).to_string()));
            row.push(t.new_this_week.to_string());
            row
        }))
        .collect())
}

/// The health of each peer.
async fn health(node: &Node) -> Result<Vec<Vec<String>>, OperationError> {
    let view = network::network_view(node).await?;
    let header = [
        "Nœud",
        "Acteur",
        "Livraisons en attente",
        "Échecs",
        "Dernière livraison",
        "Dernier rattrapage",
        "État du rattrapage",
        "Attente (s)",
    ];
    Ok(std::iter::once(header.iter().map(|h| (*h).to_owned()).collect())
        .chain(view.territories.iter().filter_map(|t| {
            let h = t.health.as_ref()?;
            Some(vec![
                t.name.clone(),
                t.actor.clone(),
                h.pending_deliveries.to_string(),
                h.failures.to_string(),
                h.last_success_at.clone().unwrap_or_default(),
                h.last_sync_at.clone().unwrap_or_default(),
                h.sync_state.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                h.queue_lag_seconds.map(|s| s.to_string()).unwrap_or_default(),
            ])
        }))
        .collect())
}

async fn lineage(node: &Node) -> Result<Vec<Vec<String>>, OperationError> {
    let view = network::network_view(node).await?;
    let name = |actor: &str| {
        view.territories.iter().find(|t| t.actor == actor).map(|t| t.name.clone()).unwrap_or_else(|| actor.to_owned())
    };
    Ok(std::iter::once(vec!["Adapté par".into(), "Inspiré de".into(), "Fiches".into()])
        .chain(view.lineage.iter().map(|l| vec![name(&l.from), name(&l.to), l.items.to_string()]))
        .collect())
}
