//! The body chart, as data (built in: `questionnaires/lower-limb.chart.toml`): a figure of the
//! legs whose letters are cells of regions, and for each region the options it stands for, by
//! question. The interview draws it on the questions it answers (see `tui::screens::chart`);
//! marking a region answers exactly as choosing its option from the list would, so the path of
//! the interview does not change. Read with positions and checked against the questionnaire:
//! an unknown question or option id, or a figure letter with no region, is an error at its
//! place.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::questionnaire::refs::Refs;
use crate::questionnaire::{Kind, OIdx, Problem, QIdx, Questionnaire};

/// The built-in chart's text (for the built-in questionnaire).
pub const BUILTIN_SOURCE: &str = include_str!("../questionnaires/lower-limb.chart.toml");
/// The name the built-in chart goes by in messages.
pub const BUILTIN_NAME: &str = "questionnaires/lower-limb.chart.toml (built in)";

/// A checked body chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The questions the chart is drawn on.
    pub on: Vec<QIdx>,
    /// Lines drawn above the figure as text.
    pub header: Vec<String>,
    /// The figure, row by row: `None` for an empty cell, else the region's index.
    pub cells: Vec<Vec<Option<usize>>>,
    pub regions: Vec<Region>,
    /// The texts in other languages: (language, header, each region's label in order).
    pub translations: Vec<(String, Vec<String>, Vec<String>)>,
}

/// One region of the figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Its letter in the figure.
    pub key: char,
    /// What it is, in words ("Right knee (front)").
    pub label: String,
    /// The option it stands for, by question.
    pub answers: Vec<(QIdx, OIdx)>,
    /// Its middle, in cells (column, row): where the arrow keys go from and to.
    pub centre: (f32, f32),
}

/// A direction to move on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Chart {
    /// The built-in chart, when `q` is the questionnaire it was written for.
    pub fn builtin(q: &Questionnaire) -> Option<Chart> {
        load(q, BUILTIN_SOURCE, BUILTIN_NAME)
            .ok()
            .map(|c| c.in_language(&q.meta.language))
    }

    /// The chart with its texts in `language`, when it has them (else as written).
    pub fn in_language(mut self, language: &str) -> Chart {
        if let Some((_, header, labels)) = self.translations.iter().find(|(l, _, _)| l == language)
        {
            self.header.clone_from(header);
            for (region, label) in self.regions.iter_mut().zip(labels) {
                region.label.clone_from(label);
            }
        }
        self
    }

    /// The width of the figure (and header), in cells.
    pub fn width(&self) -> usize {
        let figure = self.cells.iter().map(Vec::len).max().unwrap_or(0);
        let header = self
            .header
            .iter()
            .map(|h| h.chars().count())
            .max()
            .unwrap_or(0);
        figure.max(header)
    }

    /// Whether the chart is drawn on question `qi`.
    pub fn answers(&self, qi: QIdx) -> bool {
        self.on.contains(&qi)
    }

    /// The regions that can answer `qi`, in reading order (top to bottom, left to right).
    pub fn regions_for(&self, qi: QIdx) -> Vec<usize> {
        let mut list: Vec<usize> = (0..self.regions.len())
            .filter(|r| self.regions[*r].option(qi).is_some())
            .collect();
        list.sort_by(|a, b| {
            let (ca, cb) = (self.regions[*a].centre, self.regions[*b].centre);
            ca.1.total_cmp(&cb.1).then(ca.0.total_cmp(&cb.0))
        });
        list
    }

    /// The region drawn at cell (`column`, `row`) of the figure, if any.
    pub fn region_at(&self, column: usize, row: usize) -> Option<usize> {
        self.cells.get(row)?.get(column).copied().flatten()
    }

    /// The region among `among` nearest to `from` in `direction`, or `from` when there is none
    /// that way.
    pub fn next(&self, from: usize, direction: Direction, among: &[usize]) -> usize {
        let (x, y) = self.regions[from].centre;
        among
            .iter()
            .copied()
            .filter(|r| *r != from)
            .filter_map(|r| {
                let (rx, ry) = self.regions[r].centre;
                let (dx, dy) = (rx - x, ry - y);
                // Ahead in that direction, and more ahead than aside; cells are about twice as
                // tall as they are wide, so rows count double.
                let (ahead, aside) = match direction {
                    Direction::Up => (-dy * 2.0, dx.abs()),
                    Direction::Down => (dy * 2.0, dx.abs()),
                    Direction::Left => (-dx, (dy * 2.0).abs()),
                    Direction::Right => (dx, (dy * 2.0).abs()),
                };
                (ahead > 0.0 && aside <= ahead * 2.0).then_some((ahead + aside * 2.0, r))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(from, |(_, r)| r)
    }
}

impl Region {
    /// The option of question `qi` this region stands for.
    pub fn option(&self, qi: QIdx) -> Option<OIdx> {
        self.answers.iter().find(|(q, _)| *q == qi).map(|(_, o)| *o)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    questionnaire: Spanned<String>,
    on: Vec<Spanned<String>>,
    #[serde(default)]
    header: Vec<String>,
    figure: Spanned<String>,
    regions: BTreeMap<Spanned<String>, RawRegion>,
    #[serde(default)]
    translations: BTreeMap<Spanned<String>, RawTexts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTexts {
    #[serde(default)]
    header: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    labels: BTreeMap<Spanned<String>, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    label: String,
    answers: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// Whether a TOML file's top-level keys make it a body chart.
pub fn is_chart(top_level_keys: &[&str]) -> bool {
    top_level_keys.contains(&"figure") && top_level_keys.contains(&"regions")
}

/// Reads and checks a chart against `q`; every problem found, or the chart.
pub fn load(q: &Questionnaire, src: &str, file: &str) -> Result<Chart, Vec<Problem>> {
    let raw: Raw = Problem::read_toml(src, file).map_err(|p| vec![p])?;
    let mut refs = Refs::new(q, src, file);
    refs.questionnaire(&raw.questionnaire, "this chart is");
    let scale = |qi: QIdx| matches!(q.questions[qi].kind, Kind::Scale { .. });
    let mut on = Vec::new();
    for id in &raw.on {
        match refs.question(id) {
            Some(qi) if scale(qi) => refs.error(
                id.span(),
                format!(
                    "`{}` is a scale: a chart answers choices only",
                    id.get_ref()
                ),
            ),
            Some(qi) => on.push(qi),
            None => {}
        }
    }
    let mut regions = Vec::new();
    let mut keys: BTreeMap<char, usize> = BTreeMap::new();
    for (key, region) in raw.regions {
        let mut chars = key.get_ref().chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            refs.error(
                key.span(),
                format!(
                    "a region's key is one letter of the figure, not `{}`",
                    key.get_ref()
                ),
            );
            continue;
        };
        let mut answers = Vec::new();
        for (question, option) in region.answers {
            match refs.question(&question) {
                Some(qi) if scale(qi) => refs.error(
                    question.span(),
                    format!(
                        "`{}` is a scale: a chart answers choices only",
                        question.get_ref()
                    ),
                ),
                Some(qi) => {
                    if let Some(o) = refs.option(qi, &option) {
                        answers.push((qi, o));
                    }
                }
                None => {}
            }
        }
        keys.insert(c, regions.len());
        regions.push(Region {
            key: c,
            label: region.label,
            answers,
            centre: (0.0, 0.0),
        });
    }
    // The figure: a literal string starts after its opening quotes (and a first newline).
    let figure = raw.figure.get_ref();
    let start = raw.figure.span().start
        + src
            .get(raw.figure.span())
            .map_or(0, |s| s.find(figure.as_str()).unwrap_or(0));
    let mut cells = Vec::new();
    let mut offset = 0;
    for line in figure.split('\n') {
        let mut row = Vec::new();
        for (i, c) in line.char_indices() {
            if c == ' ' {
                row.push(None);
            } else if let Some(r) = keys.get(&c) {
                row.push(Some(*r));
            } else {
                let at = start + offset + i;
                refs.error(
                    at..at + c.len_utf8(),
                    format!("`{c}` in the figure is not the key of a region"),
                );
                row.push(None);
            }
        }
        offset += line.len() + 1;
        cells.push(row);
    }
    // Leading and trailing empty rows are not drawn.
    while cells
        .first()
        .is_some_and(|r: &Vec<Option<usize>>| r.iter().all(Option::is_none))
    {
        cells.remove(0);
    }
    while cells.last().is_some_and(|r| r.iter().all(Option::is_none)) {
        cells.pop();
    }
    for (r, region) in regions.iter_mut().enumerate() {
        let at: Vec<(usize, usize)> = cells
            .iter()
            .enumerate()
            .flat_map(|(y, row)| {
                row.iter()
                    .enumerate()
                    .filter(move |(_, c)| **c == Some(r))
                    .map(move |(x, _)| (x, y))
            })
            .collect();
        if at.is_empty() {
            refs.error(
                raw.figure.span(),
                format!(
                    "region `{}` ({}) is not in the figure",
                    region.key, region.label
                ),
            );
            continue;
        }
        let n = at.len() as f32;
        region.centre = (
            at.iter().map(|(x, _)| *x as f32).sum::<f32>() / n,
            at.iter().map(|(_, y)| *y as f32).sum::<f32>() / n,
        );
    }
    let mut translations = Vec::new();
    for (language, texts) in raw.translations {
        for key in texts.labels.keys() {
            if !regions.iter().any(|r| key.get_ref().chars().eq([r.key])) {
                refs.error(
                    key.span(),
                    format!("`{}` is not the key of a region", key.get_ref()),
                );
            }
        }
        let mut labels = Vec::new();
        for region in &regions {
            match texts
                .labels
                .iter()
                .find(|(k, _)| k.get_ref().chars().eq([region.key]))
            {
                Some((_, label)) => labels.push(label.clone()),
                None => {
                    refs.error(
                        language.span(),
                        format!(
                            "no `{}` label for region `{}` ({})",
                            language.get_ref(),
                            region.key,
                            region.label
                        ),
                    );
                    labels.push(region.label.clone());
                }
            }
        }
        let header = match texts.header {
            Some(h) if h.get_ref().len() == raw.header.len() => h.into_inner(),
            Some(h) => {
                refs.error(
                    h.span(),
                    format!(
                        "the `{}` header has {} lines, the chart's has {}",
                        language.get_ref(),
                        h.get_ref().len(),
                        raw.header.len()
                    ),
                );
                raw.header.clone()
            }
            None if raw.header.is_empty() => Vec::new(),
            None => {
                refs.error(
                    language.span(),
                    format!("no `{}` header", language.get_ref()),
                );
                raw.header.clone()
            }
        };
        translations.push((language.into_inner(), header, labels));
    }
    refs.finish(Chart {
        on,
        header: raw.header,
        cells,
        regions,
        translations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p_line(p: &Problem) -> String {
        p.placed()
    }

    fn q() -> Questionnaire {
        crate::questionnaire::builtin().unwrap()
    }

    #[test]
    fn the_built_in_chart_loads_clean_and_answers_the_site_questions() {
        let q = q();
        let chart = load(&q, BUILTIN_SOURCE, BUILTIN_NAME).unwrap();
        let id = |s: &str| q.question_index(s).unwrap();
        assert!(chart.answers(id("main_site")) && chart.answers(id("other_areas")));
        assert!(!chart.answers(id("severity")));
        // Every option of main_site and other_areas but "none" has a region.
        for question in ["main_site", "other_areas"] {
            let qi = id(question);
            for (o, option) in q.questions[qi].kind.options().iter().enumerate() {
                let drawn = chart.regions.iter().any(|r| r.option(qi) == Some(o));
                assert!(
                    drawn || option.exclusive,
                    "{question}: {} has no region",
                    option.id
                );
            }
        }
        // The patient's right is on the viewer's left in the front view.
        let right_knee = chart.regions.iter().position(|r| r.key == 'K').unwrap();
        let left_knee = chart.regions.iter().position(|r| r.key == 'k').unwrap();
        assert!(chart.regions[right_knee].centre.0 < chart.regions[left_knee].centre.0);
        assert!(
            chart.width() <= 50,
            "too wide for 80 columns with the list beside it"
        );
    }

    #[test]
    fn the_arrow_keys_go_to_the_neighbouring_region() {
        let q = q();
        let chart = Chart::builtin(&q).unwrap();
        let key = |c: char| chart.regions.iter().position(|r| r.key == c).unwrap();
        let all: Vec<usize> = (0..chart.regions.len()).collect();
        assert_eq!(chart.next(key('K'), Direction::Right, &all), key('k'));
        assert_eq!(chart.next(key('k'), Direction::Left, &all), key('K'));
        assert_eq!(chart.next(key('K'), Direction::Down, &all), key('S'));
        assert_eq!(chart.next(key('S'), Direction::Up, &all), key('K'));
        // Nothing further that way: it stays.
        assert_eq!(chart.next(key('F'), Direction::Down, &all), key('F'));
    }

    #[test]
    fn the_chart_speaks_the_questionnaires_language() {
        let q = q();
        let es = crate::questionnaire::translation::load(
            &q,
            crate::questionnaire::builtin_translation("es").unwrap(),
            "es",
        )
        .unwrap()
        .questionnaire;
        let chart = Chart::builtin(&es).unwrap();
        let knee = chart.regions.iter().find(|r| r.key == 'K').unwrap();
        assert_eq!(knee.label, "Rodilla derecha (delante)");
        assert!(chart.header[0].contains("DELANTE"));
        assert!(
            chart
                .header
                .iter()
                .all(|l| l.chars().count() <= chart.width())
        );
        let english = Chart::builtin(&q).unwrap();
        let hip = english.regions.iter().find(|r| r.key == 'H').unwrap();
        assert_eq!(hip.label, "Right hip (front and side)");
        // A label left out, and one for a region that is not there, are errors.
        let src = BUILTIN_SOURCE.replace("K = \"Rodilla derecha (delante)\"", "Z = \"Rodilla\"");
        let problems: Vec<String> = load(&q, &src, "chart.toml")
            .unwrap_err()
            .iter()
            .map(p_line)
            .collect();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`Z` is not the key of a region")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("no `es` label for region `K`")),
            "{problems:?}"
        );
    }

    #[test]
    fn unknown_ids_and_stray_letters_are_errors_at_their_place() {
        let q = q();
        let src = BUILTIN_SOURCE
            .replace(
                "answers = { main_site = \"knee\", side = \"right\", other_areas = \"knee\" }",
                "answers = { main_site = \"elbow\", sides = \"right\" }",
            )
            .replace("  HHGGGGG", "  HHGGGGZ");
        let problems = load(&q, &src, "chart.toml").unwrap_err();
        let messages: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
        assert!(
            messages.iter().any(|m| m.contains("no option `elbow`")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`sides` is not a question")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`Z` in the figure")),
            "{messages:?}"
        );
        for p in &problems {
            assert!(p.line.is_some_and(|l| l > 1), "{}", p.placed());
        }
        // The stray letter is pointed at exactly.
        let stray = problems.iter().find(|p| p.message.contains("`Z`")).unwrap();
        let line = src.lines().nth(stray.line.unwrap() - 1).unwrap();
        assert_eq!(
            line.chars().nth(stray.column.unwrap() - 1),
            Some('Z'),
            "{}",
            p_line(stray)
        );
    }
}
