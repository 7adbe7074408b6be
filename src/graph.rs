//! The interview as a graph, for authors checking their flow and students learning the order
//! of a history: questions in order, the conditions on the edges, red-flag exits to alerts, and
//! the result. Written as Graphviz DOT or Mermaid.

use crate::questionnaire::{QIdx, Questionnaire};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Start,
    Question,
    Alert,
    Review,
    Result,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    /// A red-flag exit (drawn dashed).
    pub alert: bool,
}

/// Nodes and edges of an interview.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn qnode(q: &Questionnaire, i: QIdx) -> String {
    format!("q_{}", q.questions[i].id)
}

fn short(s: &str, n: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Builds the graph: from each question an edge to every question that may come next (those
/// with a condition, labelled by it, up to the first one without), red-flag rules as exits from
/// the last question they read, and review then result at the end.
pub fn build(q: &Questionnaire) -> Graph {
    let mut g = Graph::default();
    let node = |id: String, label: String, kind| Node { id, label, kind };
    g.nodes
        .push(node("start".into(), "start".into(), NodeKind::Start));
    for (i, question) in q.questions.iter().enumerate() {
        let label = format!("{}\n{}", question.id, short(&question.prompt, 40));
        g.nodes.push(node(qnode(q, i), label, NodeKind::Question));
    }
    g.nodes.push(node(
        "review".into(),
        "review your answers".into(),
        NodeKind::Review,
    ));
    g.nodes
        .push(node("result".into(), "result".into(), NodeKind::Result));

    let sources = std::iter::once(("start".to_string(), 0))
        .chain((0..q.questions.len()).map(|i| (qnode(q, i), i + 1)));
    for (from, first) in sources {
        let mut conditional = false;
        let mut reached_unconditional = false;
        for j in first..q.questions.len() {
            match &q.questions[j].ask_when {
                Some(c) => {
                    conditional = true;
                    g.edges.push(Edge {
                        from: from.clone(),
                        to: qnode(q, j),
                        label: Some(format!("if {}", c.describe(q))),
                        alert: false,
                    });
                }
                None => {
                    g.edges.push(Edge {
                        from: from.clone(),
                        to: qnode(q, j),
                        label: conditional.then(|| "otherwise".to_string()),
                        alert: false,
                    });
                    reached_unconditional = true;
                    break;
                }
            }
        }
        if !reached_unconditional {
            g.edges.push(Edge {
                from,
                to: "review".into(),
                label: conditional.then(|| "otherwise".to_string()),
                alert: false,
            });
        }
    }
    g.edges.push(Edge {
        from: "review".into(),
        to: "result".into(),
        label: None,
        alert: false,
    });

    for rule in q.rules.iter().filter(|r| r.interrupt) {
        let Some(last) = rule.when.read().last().copied() else {
            continue;
        };
        let id = format!("alert_{}", rule.id);
        let level = &q.triage[rule.triage];
        g.nodes.push(node(
            id.clone(),
            format!("! {}\n{}", level.label, short(&rule.label, 40)),
            NodeKind::Alert,
        ));
        g.edges.push(Edge {
            from: qnode(q, last),
            to: id.clone(),
            label: Some(format!("if {}", rule.when.describe(q))),
            alert: true,
        });
        // Only the most urgent level may end the interview early; after a lesser alert the
        // interview goes on along the ordinary edges.
        if rule.triage == q.top_triage() {
            g.edges.push(Edge {
                from: id,
                to: "result".into(),
                label: Some("result at once (or go on with the questions)".into()),
                alert: true,
            });
        }
    }
    g
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Graphviz DOT (`dot -Tsvg` draws it).
pub fn dot(q: &Questionnaire) -> String {
    let g = build(q);
    let mut out = format!(
        "// {} (version {})\ndigraph interview {{\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
        q.meta.title, q.meta.version
    );
    for n in &g.nodes {
        let shape = match n.kind {
            NodeKind::Start => ", shape=circle",
            NodeKind::Question => "",
            NodeKind::Alert => ", shape=octagon, color=red, fontcolor=red",
            NodeKind::Review => ", shape=box",
            NodeKind::Result => ", shape=doublecircle",
        };
        out.push_str(&format!(
            "  {} [label=\"{}\"{shape}];\n",
            n.id,
            dot_escape(&n.label)
        ));
    }
    for e in &g.edges {
        let mut attrs = Vec::new();
        if let Some(l) = &e.label {
            attrs.push(format!("label=\"{}\"", dot_escape(l)));
        }
        if e.alert {
            attrs.push("style=dashed, color=red".to_string());
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        out.push_str(&format!("  {} -> {}{attrs};\n", e.from, e.to));
    }
    out.push_str("}\n");
    out
}

fn mermaid_escape(s: &str) -> String {
    s.replace('"', "#quot;").replace('\n', "<br/>")
}

/// Mermaid flowchart (renders in GitHub Markdown and many editors).
pub fn mermaid(q: &Questionnaire) -> String {
    let g = build(q);
    let mut out = format!(
        "%% {} (version {})\nflowchart TD\n",
        q.meta.title, q.meta.version
    );
    for n in &g.nodes {
        let label = mermaid_escape(&n.label);
        let shape = match n.kind {
            NodeKind::Start => format!("((\"{label}\"))"),
            NodeKind::Question | NodeKind::Review => format!("[\"{label}\"]"),
            NodeKind::Alert => format!("{{{{\"{label}\"}}}}"),
            NodeKind::Result => format!("(((\"{label}\")))"),
        };
        out.push_str(&format!("  {}{shape}\n", n.id));
    }
    for e in &g.edges {
        let arrow = if e.alert { "-.->" } else { "-->" };
        match &e.label {
            Some(l) => out.push_str(&format!(
                "  {} {arrow}|\"{}\"| {}\n",
                e.from,
                mermaid_escape(l),
                e.to
            )),
            None => out.push_str(&format!("  {} {arrow} {}\n", e.from, e.to)),
        }
    }
    for n in g.nodes.iter().filter(|n| n.kind == NodeKind::Alert) {
        out.push_str(&format!("  style {} stroke:#c00,color:#c00\n", n.id));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_of_the_default_questionnaire() {
        let q = crate::questionnaire::builtin().unwrap();
        let g = build(&q);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        for e in &g.edges {
            assert!(
                ids.contains(&e.from.as_str()) && ids.contains(&e.to.as_str()),
                "{e:?}"
            );
        }
        let edge = |from: &str, to: &str| g.edges.iter().find(|e| e.from == from && e.to == to);
        assert!(edge("start", "q_red_flags_emergency").is_some());
        // other_areas may lead to onset_order (when not "none") or skip to onset_mode.
        assert_eq!(
            edge("q_other_areas", "q_onset_order")
                .and_then(|e| e.label.clone())
                .as_deref(),
            Some("if other_areas is not none")
        );
        assert_eq!(
            edge("q_other_areas", "q_onset_mode")
                .and_then(|e| e.label.clone())
                .as_deref(),
            Some("otherwise")
        );
        let exit = edge("q_red_flags_emergency", "alert_calf_swelling_warmth").unwrap();
        assert!(exit.alert);
        assert!(
            edge("q_back_link", "alert_weakness_rapidly_worse").is_some(),
            "fires after its last question"
        );
        assert!(edge("q_inflammatory_signs", "review").is_some());
        assert!(edge("review", "result").is_some());
    }

    #[test]
    fn dot_and_mermaid_are_well_formed() {
        let q = crate::questionnaire::builtin().unwrap();
        let d = dot(&q);
        assert!(d.contains("digraph interview {") && d.trim_end().ends_with('}'));
        assert_eq!(d.matches('{').count(), d.matches('}').count());
        assert!(
            d.contains("q_other_areas -> q_onset_order [label=\"if other_areas is not none\"];")
        );
        let m = mermaid(&q);
        assert!(m.starts_with("%% ") && m.contains("flowchart TD"));
        assert!(m.contains("q_red_flags_emergency -.->|\"if red_flags_emergency is calf_swelling_warmth\"| alert_calf_swelling_warmth"));
        assert!(
            !m.lines().skip(2).any(|l| l.matches('"').count() % 2 == 1),
            "unbalanced quotes"
        );
    }
}
