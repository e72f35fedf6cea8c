//! `ApiQuery<T>`: the query string of an API request, read parameter by parameter, so that
//! a refused value is answered 400 `invalid_query` naming the parameter, the value given and
//! the expected format (actix's own extractor names none of them).

use super::errors::ApiError;
use crate::content::FieldError;
use crate::i18n::Message;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use std::future::{ready, Ready};

pub struct ApiQuery<T>(pub T);

impl<T> ApiQuery<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for ApiQuery<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for ApiQuery<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req.query_string()).map(ApiQuery))
    }
}

/// The refusal of `given` for `parameter`, naming what it should have been from the
/// parser's words (`error`).
fn refusal(parameter: &str, given: &str, error: &str) -> Message {
    if error.contains("digit") || error.contains("integer") || error.contains("number too") {
        crate::msg!("api-invalid_query-integer", parameter = parameter, given = given)
    } else if error.contains("true") || error.contains("bool") {
        crate::msg!("api-invalid_query-boolean", parameter = parameter, given = given)
    } else {
        crate::msg!("api-invalid_query-other", parameter = parameter, given = given)
    }
}

pub fn parse<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let pairs = url::form_urlencoded::parse(query.as_bytes());
    serde_path_to_error::deserialize(serde_urlencoded::Deserializer::new(pairs)).map_err(|e| {
        let parameter = e.path().to_string();
        let given = url::form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| *key == parameter)
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default();
        let message = refusal(&parameter, &given, &e.inner().to_string());
        let field = FieldError { path: parameter, code: "invalid_type", message: message.clone() };
        ApiError { fields: vec![field], ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", message) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Params {
        #[allow(dead_code)]
        page: Option<i64>,
        #[allow(dead_code)]
        local: Option<bool>,
    }

    #[test]
    fn a_refused_value_names_the_parameter_the_value_and_the_format() {
        let error = parse::<Params>("local=true&page=huit").expect_err("page is a number");
        assert_eq!(error.message, "Paramètre `page` invalide : « huit » reçu, un nombre entier attendu.");
        let error = parse::<Params>("local=oui").expect_err("local is a boolean");
        assert_eq!(error.message, "Paramètre `local` invalide : « oui » reçu, true ou false attendu.");
    }
}
