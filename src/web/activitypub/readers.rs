//! Who may read objects and collections: with authorized fetch on, only signed GETs from
//! peers the federation policy admits; with it off, anyone, except signed GETs from
//! blocked domains.

use super::discovery::{error, rejected};
use super::inbox::header_map;
use crate::operations::inbound::inbox::verify_signature;
use crate::operations::Node;
use actix_web::{HttpRequest, HttpResponse};
use reqwest::Method;

/// `Ok(())` when the request may read; otherwise the response to send.
pub async fn check_reader(node: &Node, req: &HttpRequest) -> Result<(), HttpResponse> {
    let signed = req.headers().contains_key("signature");
    if !signed {
        return if node.settings.federation.authorized_fetch {
            Err(error(401, "signature_required", crate::msg!("api-ap-signature_required")))
        } else {
            Ok(())
        };
    }
    let path_and_query = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    match verify_signature(node, &Method::GET, path_and_query, &header_map(req)).await {
        Ok(_) => Ok(()),
        // A bad signature on an optional read is ignored unless reads must be signed.
        Err(rejection) if rejection.code != "domain_blocked" && !node.settings.federation.authorized_fetch => Ok(()),
        Err(rejection) => Err(rejected(&rejection)),
    }
}
