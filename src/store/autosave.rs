//! Keeping one interview in step with the data folder as it goes, for every front end: the
//! unfinished interview (this window's own draft) after every change, then the finished one in
//! the history, one record per interview, updated if the person goes back and finishes again.

use super::{Store, StoreError, Unfinished, now};
use crate::engine::{Interview, State};

/// What a call to [`Autosave::save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Nothing new to keep.
    Unchanged,
    /// The unfinished interview was written.
    Draft,
    /// The finished interview was written; `again` when it updated an earlier record.
    Finished { again: bool },
}

/// One interview's saves.
#[derive(Debug, Clone)]
pub struct Autosave {
    store: Store,
    /// The interview as last written.
    saved: Option<Interview>,
    /// This window's draft row, once one is written.
    draft: Option<i64>,
    /// The history record of this interview, once finished: (id, finished at).
    record: Option<(String, String)>,
}

impl Autosave {
    pub fn new(store: Store) -> Self {
        Autosave {
            store,
            saved: None,
            draft: None,
            record: None,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Carries on with an unfinished interview taken up again: `iv` as it was read, its draft
    /// row, and the finished record it reopened, if any.
    pub fn resumed(&mut self, iv: &Interview, draft: i64, record: Option<&str>) {
        self.draft = Some(draft);
        self.saved = Some(iv.clone());
        self.record = record
            .and_then(|id| self.store.finished(id).ok())
            .map(|f| (f.id, f.finished_at));
    }

    /// The history record of this interview once finished: (id, finished at).
    pub fn record(&self) -> Option<(&str, &str)> {
        self.record
            .as_ref()
            .map(|(id, at)| (id.as_str(), at.as_str()))
    }

    /// Writes `iv` if it changed since the last save (and has an answer): the draft, or the
    /// finished record. A failure leaves it to be written at the next call.
    pub fn save(&mut self, iv: &Interview) -> Result<Saved, StoreError> {
        if self.saved.as_ref() == Some(iv) || (iv.answers().is_empty() && self.saved.is_none()) {
            return Ok(Saved::Unchanged);
        }
        let now = now();
        let saved = if *iv.state() == State::Finished {
            let again = self.record.is_some();
            let f = self.store.save_finished(
                iv,
                &now,
                self.record.as_ref().map(|(id, _)| id.as_str()),
                self.draft,
            )?;
            self.draft = None;
            self.record = Some((f.id, f.finished_at));
            Saved::Finished { again }
        } else {
            let mut u = Unfinished::of(iv, &now);
            u.interview_id = self.record.as_ref().map(|(id, _)| id.clone());
            self.draft = Some(self.store.save_draft(self.draft, &u)?);
            Saved::Draft
        };
        self.saved = Some(iv.clone());
        Ok(saved)
    }

    /// Lets go of the drafts this window holds (at exit).
    pub fn release(&self) {
        let _ = self.store.release();
    }
}
