//! The unfinished interview to offer when an interview starts: the newest one no other window
//! holds (taken for this window), for the screens and for line mode alike.

use std::sync::Arc;

use super::Store;
use crate::engine::Interview;
use crate::questionnaire::Questionnaire;

/// A saved unfinished interview the person may take up again.
#[derive(Debug, Clone)]
pub struct Offer {
    pub interview: Interview,
    pub saved_at: String,
    /// The questionnaire changed since it was saved (id/version/content).
    pub changed: bool,
    /// Saved answers that no longer fit, by question id.
    pub dropped: Vec<String>,
    /// Its row in the database (held by this window while on offer).
    pub draft: i64,
    /// The finished interview it reopened, if any (finishing again updates that record).
    pub record: Option<String>,
}

/// Looks for an unfinished interview to offer: the newest one no other window holds (taken for
/// this window), or a message that another window holds one.
pub fn find_offer(store: &Store, q: &Arc<Questionnaire>) -> (Option<Offer>, Option<String>) {
    let drafts = match store.drafts(&q.meta.id) {
        Ok(d) => d,
        Err(e) => {
            return (
                None,
                Some(format!("Saved interviews could not be read: {e}")),
            );
        }
    };
    let mut held = 0;
    for d in drafts {
        if d.held {
            held += 1;
            continue;
        }
        match store.claim(d.id) {
            Ok(true) => {
                let back = super::resume(q.clone(), &d.unfinished);
                let note = (held > 0).then(|| held_note(held));
                return (
                    Some(Offer {
                        interview: back.interview,
                        saved_at: d.unfinished.saved_at.clone(),
                        changed: back.changed,
                        dropped: back.dropped,
                        draft: d.id,
                        record: d.unfinished.interview_id.clone(),
                    }),
                    note,
                );
            }
            Ok(false) => held += 1,
            Err(e) => {
                return (
                    None,
                    Some(format!("Could not take up a saved interview: {e}")),
                );
            }
        }
    }
    (None, (held > 0).then(|| held_note(held)))
}

fn held_note(n: usize) -> String {
    let what = if n == 1 {
        "An unfinished interview is".to_string()
    } else {
        format!("{n} unfinished interviews are")
    };
    format!("{what} open in another kinscreen window; quit it there to take it up here.")
}
