//! Where an item's page is: `/items/{slug}` for this node's own, `/replicas/{id}` for a
//! replica.

use crate::operations::Item;

/// Where a browser reads an item held here: our page for a local item, the replica page
/// otherwise.
pub fn item_href(item: &Item) -> String {
    if item.is_local() {
        format!("/items/{}", item.slug)
    } else {
        format!("/replicas/{}", item.id)
    }
}
