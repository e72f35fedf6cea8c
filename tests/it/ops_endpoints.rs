//! The endpoints a person running a node scrapes: readiness, and the metrics read from
//! the node's state.

use crate::fixtures::dynamo_project_sheet;
use crate::harness::TestNode;

#[tokio::test]
async fn readiness_and_metrics_say_what_the_node_holds() {
    let app = TestNode::spawn().await;
    app.node.facets.load(&app.node.pool).await.expect("the facet sets load");
    app.create_ok(&dynamo_project_sheet()).await;

    let ready = app.public().get_path("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.expect("a body"), "ready\n");

    let metrics = app.public().get_path("/metrics").await.text().await.expect("a body");
    for line in [
        "maillage_facet_sets_ready 1\n",
        "maillage_items{origin=\"local\",kind=\"project_sheet\"} 1\n",
        "maillage_http_responses_total{class=\"2xx\"}",
    ] {
        assert!(metrics.contains(line), "{line:?} missing from:\n{metrics}");
    }
}
