//! The lineage between territories as a graph (the network page): each territory a
//! point on a circle, each "adapted from" link an arrow from the inspiring territory to
//! the one that adapted it, as thick as its number of items. Geometry here, drawing in
//! `lineage_graph.html`; the lineage table beside it carries the same figures.

use std::f64::consts::TAU;

/// Territories drawn at most (those with the most links); the table lists every link.
const MAX_NODES: usize = 16;
const SIZE: f64 = 720.0;
const RADIUS: f64 = 250.0;
const NODE_RADIUS: f64 = 9.0;

pub struct GraphNode {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    /// `start` or `end`: labels sit outside the circle.
    pub anchor: &'static str,
}

pub struct GraphEdge {
    /// From the inspiring territory's edge to the adapting one's.
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub width: f64,
    pub title: String,
}

pub struct LineageGraph {
    pub size: f64,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// `links`: (inspiring territory, adapting territory, items).
pub fn layout(links: &[(String, String, i64)]) -> Option<LineageGraph> {
    let mut weight: Vec<(String, i64)> = Vec::new();
    for (a, b, n) in links {
        for name in [a, b] {
            match weight.iter_mut().find(|(w, _)| w == name) {
                Some((_, total)) => *total += n,
                None => weight.push((name.clone(), *n)),
            }
        }
    }
    weight.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    weight.truncate(MAX_NODES);
    if weight.len() < 2 {
        return None;
    }
    let centre = SIZE / 2.0;
    let position = |i: usize| {
        let angle = TAU * i as f64 / weight.len() as f64 - TAU / 4.0;
        (angle, centre + RADIUS * angle.cos(), centre + RADIUS * angle.sin())
    };
    let nodes = (0..weight.len())
        .map(|i| {
            let (angle, x, y) = position(i);
            let (lx, ly) = (centre + (RADIUS + 18.0) * angle.cos(), centre + (RADIUS + 18.0) * angle.sin() + 4.0);
            GraphNode {
                x: round(x),
                y: round(y),
                label: weight[i].0.clone(),
                label_x: round(lx),
                label_y: round(ly),
                anchor: if angle.cos() < -0.01 { "end" } else { "start" },
            }
        })
        .collect();
    let largest = links.iter().map(|l| l.2).max().unwrap_or(1).max(1) as f64;
    let index = |name: &str| weight.iter().position(|(w, _)| w == name);
    let edges = links
        .iter()
        .filter_map(|(from, to, n)| {
            let (a, b) = (index(from)?, index(to)?);
            if a == b {
                return None;
            }
            let ((_, x1, y1), (_, x2, y2)) = (position(a), position(b));
            let length = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
            let (ux, uy) = ((x2 - x1) / length, (y2 - y1) / length);
            let gap = NODE_RADIUS + 4.0;
            Some(GraphEdge {
                x1: round(x1 + ux * gap),
                y1: round(y1 + uy * gap),
                x2: round(x2 - ux * (gap + 6.0)),
                y2: round(y2 - uy * (gap + 6.0)),
                width: round(1.5 + 4.5 * *n as f64 / largest),
                title: format!("{from} → {to} : {n}"),
            })
        })
        .collect();
    Some(LineageGraph { size: SIZE, nodes, edges })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn territories_sit_on_a_circle_and_links_join_them() {
        let links =
            vec![("Marseille".to_owned(), "Lyon".to_owned(), 3), ("Marseille".to_owned(), "Foix".to_owned(), 1)];
        let graph = layout(&links).expect("a graph");
        assert_eq!(graph.nodes.len(), 3);
        assert_eq!(graph.nodes[0].label, "Marseille", "the most linked first, at the top");
        assert!(graph.nodes[0].y < graph.nodes[1].y);
        assert_eq!(graph.edges.len(), 2);
        assert!(graph.edges[0].width > graph.edges[1].width, "thicker for more items");
        assert!(layout(&[]).is_none());
    }
}
