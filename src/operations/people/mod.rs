//! People and accounts: editors, sessions and API tokens with their scopes, the login
//! throttle, and the audit log of who changed what.

pub mod accounts;
pub mod audit;
pub mod login_throttle;
pub mod scopes;
