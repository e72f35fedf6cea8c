//! The administrative reference as JSON: search a place by name (the editor's picker, any
//! program that needs a code) and read one place with its parents.

use super::errors::ApiError;
use super::query::ApiQuery;
use super::schemas::ApiErrorBody;
use crate::content::geography::{reference, Place};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

/// Places one search returns at most.
const MAX_RESULTS: usize = 50;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// The first letters of the words of a name ("st gir"), or a code.
    q: Option<String>,
    /// 1 to 50 (10 by default).
    limit: Option<usize>,
}

/// One place of the reference.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PlaceBody {
    /// With its level: `commune:09122`.
    code: String,
    /// `commune`, `epci`, `departement`, `region` or `country`.
    level: &'static str,
    name: String,
    /// The name as documents write it ("Foix (09)").
    display_name: String,
    /// The places it lies in, nearest first.
    parents: Vec<ParentBody>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ParentBody {
    code: String,
    name: String,
}

impl PlaceBody {
    fn of(place: &Place) -> PlaceBody {
        PlaceBody {
            code: place.code.clone(),
            level: place.level.prefix(),
            name: place.name.clone(),
            display_name: place.display_name(),
            parents: place
                .parents
                .iter()
                .filter_map(|code| reference().get(code))
                .map(|p| ParentBody { code: p.code.clone(), name: p.display_name() })
                .collect(),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PlacesBody {
    places: Vec<PlaceBody>,
    /// The release of the Code officiel géographique the node ships.
    source: String,
}

#[utoipa::path(get, path = "/api/v1/places", tag = "places", params(SearchParams),
    responses((status = 200, description = "Les lieux dont le nom commence par les lettres données, les plus grands d'abord", body = PlacesBody),
              (status = 400, description = "Paramètre invalide", body = ApiErrorBody)))]
pub async fn search(params: ApiQuery<SearchParams>) -> HttpResponse {
    let params = params.into_inner();
    let limit = params.limit.unwrap_or(10).clamp(1, MAX_RESULTS);
    let found = reference().search(params.q.as_deref().unwrap_or_default(), limit);
    HttpResponse::Ok()
        .json(PlacesBody { places: found.into_iter().map(PlaceBody::of).collect(), source: reference().source.clone() })
}

#[utoipa::path(get, path = "/api/v1/places/{code}", tag = "places", params(("code" = String, Path, description = "commune:09122, departement:09, region:76…")),
    responses((status = 200, description = "Un lieu et ceux où il se situe", body = PlaceBody), (status = 404, description = "Inconnu", body = ApiErrorBody)))]
pub async fn one(code: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let place = reference().resolve(&code).map_err(|_| ApiError::not_found())?;
    Ok(HttpResponse::Ok().json(PlaceBody::of(place)))
}
